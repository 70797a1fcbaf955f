/* Trellis default theme: palette toggle, code copy buttons, back-to-top, linked content tabs,
   mobile navigation drawer, TOC highlighting (and following, with toc.follow). The features
   come from data-trellis-features on <body>; the saved palette is applied before first paint
   by an inline snippet after the header's palette buttons. */
(function () {
  "use strict";
  var root = document.documentElement;
  var storageKey = "trellis-theme";
  var body = document.body;
  var features = (body.getAttribute("data-trellis-features") || "").split(" ");
  function has(feature) { return features.indexOf(feature) >= 0; }
  // Material's storage keys are scoped to the site's path, so two sites on one host differ.
  var scope = new URL((document.querySelector("script[src$='trellis.js']") || {}).src || location.href, location.href);
  scope = scope.pathname.replace(/assets\/trellis\.js$/, "");
  function load(key) { try { return JSON.parse(localStorage.getItem(scope + "." + key)); } catch (e) { return null; } }
  function save(key, value) { try { localStorage.setItem(scope + "." + key, JSON.stringify(value)); } catch (e) { /* private mode */ } }

  // Palette toggle (theme.palette as a list): the button of the active scheme switches to the
  // next one; the choice is remembered, and until there is one, the schemes' media decide.
  var palette = document.querySelector("[data-trellis-palette]");
  if (palette) {
    var options = Array.prototype.slice.call(palette.querySelectorAll("button"));
    var media = function (button) { return button.getAttribute("data-md-color-media") || ""; };
    var applyPalette = function (index, remember) {
      var chosen = options[index];
      if (!chosen) return;
      var colours = chosen;
      if (media(chosen) === "(prefers-color-scheme)") {
        // The "automatic" scheme takes the colours of the light or dark one.
        var dark = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
        var wanted = "(prefers-color-scheme: " + (dark ? "dark" : "light") + ")";
        colours = options.filter(function (b) { return media(b) === wanted; })[0] || chosen;
      }
      ["scheme", "primary", "accent"].forEach(function (name) {
        body.setAttribute("data-md-color-" + name, colours.getAttribute("data-md-color-" + name));
      });
      options.forEach(function (b, i) { b.hidden = i !== index || b.hasAttribute("data-trellis-palette-silent"); });
      if (remember) save("__palette", { index: index });
    };
    var current = function () { return options.findIndex(function (b) { return !b.hidden; }); };
    options.forEach(function (button) {
      button.addEventListener("click", function () {
        applyPalette(Number(button.getAttribute("data-trellis-palette-next")) || 0, true);
        var next = options[current()];
        if (next) next.focus();
      });
    });
    if (window.matchMedia) {
      options.forEach(function (button, index) {
        var query = media(button);
        if (!query) return;
        var list = matchMedia(query === "(prefers-color-scheme)" ? "(prefers-color-scheme: dark)" : query);
        if (!list.addEventListener) return;
        list.addEventListener("change", function () {
          var stored = load("__palette");
          if (stored && options[stored.index] && media(options[stored.index]) !== "(prefers-color-scheme)") return;
          if (stored && options[stored.index]) { applyPalette(stored.index, false); return; }
          if (query !== "(prefers-color-scheme)" && list.matches) applyPalette(index, false);
        });
      });
    }
  }

  // Copy buttons on code blocks (content.code.copy), as Material adds them.
  if (has("content.code.copy") && navigator.clipboard) {
    var copyIcon = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';
    document.querySelectorAll(".trellis-article pre > code").forEach(function (code) {
      var pre = code.parentNode;
      if (pre.querySelector(":scope > .trellis-copy") || pre.closest(".linenodiv")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "trellis-copy";
      button.title = "Copy to clipboard";
      button.setAttribute("aria-label", "Copy to clipboard");
      button.innerHTML = copyIcon;
      button.addEventListener("click", function () {
        var clone = code.cloneNode(true);
        clone.querySelectorAll(".linenos, .md-annotation, .md-annotation__index").forEach(function (n) { n.remove(); });
        navigator.clipboard.writeText(clone.textContent.replace(/\n$/, "")).then(function () {
          button.classList.add("trellis-copy--done");
          button.title = "Copied to clipboard";
          setTimeout(function () { button.classList.remove("trellis-copy--done"); button.title = "Copy to clipboard"; }, 2000);
        });
      });
      pre.insertBefore(button, code);
    });
  }

  // Back to top (navigation.top): shown while scrolling up, away from the top.
  var top = document.querySelector("[data-trellis-top]");
  if (top) {
    var lastY = window.scrollY;
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      top.hidden = !(y < lastY && y > 400);
      lastY = y;
    }, { passive: true });
    top.addEventListener("click", function () {
      top.hidden = true;
      window.scrollTo({ top: 0 });
      var content = document.getElementById("trellis-content");
      if (content) content.focus({ preventScroll: true });
    });
  }

  // Linked content tabs (content.tabs.link): choosing a tab chooses the tabs with the same
  // label everywhere on the page, and on later pages.
  if (has("content.tabs.link")) {
    var labelOf = function (input) {
      var label = input.id && document.querySelector("label[for='" + CSS.escape(input.id) + "']");
      return label ? label.textContent.trim() : "";
    };
    var inputs = Array.prototype.slice.call(document.querySelectorAll(".tabbed-set > input"));
    var select = function (text) {
      inputs.forEach(function (input) { if (labelOf(input) === text) input.checked = true; });
    };
    inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        if (!input.checked) return;
        var text = labelOf(input);
        var before = input.getBoundingClientRect().top;
        select(text);
        window.scrollBy(0, input.getBoundingClientRect().top - before);
        save("__tabs", [text]);
      });
    });
    var stored = load("__tabs");
    if (stored && stored[0]) select(stored[0]);
  }

  // The header shows the page's title once the page's own heading has scrolled out of view.
  var header = document.querySelector(".trellis-header");
  var heading = document.querySelector(".trellis-article h1");
  if (header && heading && "IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      var entry = entries[0];
      header.classList.toggle("trellis-header--topic", !entry.isIntersecting && entry.boundingClientRect.top < 0);
    }, { rootMargin: "-56px 0px 0px 0px" }).observe(heading);
  }

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
    if (has("toc.follow")) {
      var box = tocLinks[index].closest(".trellis-toc, .trellis-sidebar");
      if (box) {
        var link = tocLinks[index].getBoundingClientRect(), frame = box.getBoundingClientRect();
        if (link.top < frame.top || link.bottom > frame.bottom) box.scrollTop += link.top - frame.top - frame.height / 3;
      }
    }
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
