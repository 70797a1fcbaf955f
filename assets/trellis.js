/* Trellis default theme: light/dark toggle, mobile navigation drawer, TOC highlighting.
   The saved theme is applied before first paint by an inline snippet in each page's head. */
(function () {
  "use strict";
  var root = document.documentElement;
  var storageKey = "trellis-theme";
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "dark" || chosen === "light") return chosen;
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }

  function labelThemeButtons() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    document.querySelectorAll("[data-trellis-theme-toggle]").forEach(function (button) {
      button.setAttribute("aria-label", "Switch to " + next + " theme");
      button.setAttribute("title", "Switch to " + next + " theme");
    });
  }

  document.querySelectorAll("[data-trellis-theme-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(storageKey, next); } catch (e) { /* private mode: not remembered */ }
      labelThemeButtons();
    });
  });
  if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", labelThemeButtons);
  labelThemeButtons();

  var navButtons = document.querySelectorAll("[data-trellis-nav-toggle]");
  var sidebar = document.getElementById("trellis-sidebar");
  var overlay = document.querySelector("[data-trellis-nav-close]");

  function setNavOpen(open, returnFocus) {
    if (open) root.setAttribute("data-trellis-nav-open", "");
    else root.removeAttribute("data-trellis-nav-open");
    if (overlay) overlay.hidden = !open;
    navButtons.forEach(function (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.setAttribute("aria-label", open ? "Close navigation" : "Open navigation");
    });
    if (open && sidebar) {
      var target = sidebar.querySelector("[aria-current=page]") || sidebar.querySelector("a");
      if (target) target.focus();
    } else if (returnFocus && navButtons[0]) {
      navButtons[0].focus();
    }
  }

  navButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      setNavOpen(!root.hasAttribute("data-trellis-nav-open"), false);
    });
  });
  if (overlay) overlay.addEventListener("click", function () { setNavOpen(false, true); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && root.hasAttribute("data-trellis-nav-open")) setNavOpen(false, true);
  });
  window.addEventListener("resize", function () {
    if (root.hasAttribute("data-trellis-nav-open") && window.innerWidth > 960) setNavOpen(false, false);
  });

  // Highlight the TOC entry of the section being read.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".trellis-toc__link"));
  if (!tocLinks.length || !("IntersectionObserver" in window)) return;
  var headings = tocLinks.map(function (link) {
    return document.getElementById(decodeURIComponent(link.hash.slice(1)));
  });
  var visible = new Set();
  function highlight() {
    var index = -1;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i] && visible.has(headings[i])) { index = i; break; }
    }
    if (index < 0) return;
    tocLinks.forEach(function (link, i) { link.classList.toggle("is-current", i === index); });
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    });
    highlight();
  }, { rootMargin: "0px 0px -60% 0px" });
  headings.forEach(function (heading) { if (heading) observer.observe(heading); });
})();
