import Foundation

/// The script every served page loads from `/__trellis/preview.js`: live reload that keeps the
/// scroll position, the overlay with the last build's diagnostics, and the brand switcher.
///
/// It listens on `/__trellis/events` (reconnecting with backoff) and reloads on `reload`, or on a
/// `hello` whose generation is not the page's (a reload it missed while disconnected). Text from
/// the build is only ever set with `textContent`.
enum PreviewScript {
    static let data = Data(source.utf8)

    static let source = #"""
        (function () {
          "use strict";
          if (window.__trellisPreview) { return; }
          window.__trellisPreview = true;
          var script = document.currentScript;
          var generation = script && script.dataset ? Number(script.dataset.generation) : NaN;
          var scrollKey = "trellis-scroll:" + location.pathname;

          function saveScroll() {
            try {
              sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
            } catch (e) {}
          }

          function restoreScroll() {
            var saved = null;
            try {
              saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
            } catch (e) {}
            if (!saved || typeof saved.x !== "number" || typeof saved.y !== "number") { return; }
            var apply = function () {
              window.scrollTo(saved.x, saved.y);
              try { sessionStorage.removeItem(scrollKey); } catch (e) {}
            };
            apply();
            // Images and fonts that load later move the page: scroll again once they have.
            if (document.readyState !== "complete") { window.addEventListener("load", apply); }
          }

          function reload() {
            saveScroll();
            location.reload();
          }

          var delay = 500;
          function connect() {
            var source = new EventSource("/__trellis/events");
            source.addEventListener("open", function () { delay = 500; });
            source.addEventListener("hello", function (event) {
              if (!isNaN(generation) && Number(event.data) !== generation) { reload(); }
            });
            source.addEventListener("reload", function () { reload(); });
            source.addEventListener("error", function () {
              source.close();
              setTimeout(connect, delay);
              delay = Math.min(delay * 2, 10000);
            });
          }

          function element(tag, text, style) {
            var node = document.createElement(tag);
            if (text !== undefined && text !== null) { node.textContent = String(text); }
            if (style) { node.setAttribute("style", style); }
            return node;
          }

          function showOverlay(status) {
            var errors = status.diagnostics.filter(function (d) { return d.severity === "error"; });
            if (errors.length === 0) { return; }
            var overlay = element("div", null,
              "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.92);" +
              "color:#f4f4f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:24px;");
            overlay.id = "trellis-overlay";
            overlay.setAttribute("role", "alertdialog");
            var close = element("button", "Close", "float:right;font:inherit;cursor:pointer;");
            close.addEventListener("click", function () { overlay.remove(); });
            overlay.appendChild(close);
            overlay.appendChild(element("h2", "The last build failed: showing the last good pages",
              "margin:0 0 16px;font-size:18px;color:#fca5a5;"));
            status.diagnostics.forEach(function (d) {
              var item = element("div", null, "margin:0 0 16px;");
              var where = d.path ? d.path + (d.line ? ":" + d.line + ":" + (d.column || 1) : "") + ": " : "";
              var color = d.severity === "error" ? "#fca5a5" : (d.severity === "warning" ? "#fcd34d" : "#93c5fd");
              var head = element("div", null, "white-space:pre-wrap;");
              head.appendChild(element("span", where));
              head.appendChild(element("span", d.severity + ": ", "color:" + color + ";font-weight:bold;"));
              head.appendChild(element("span", d.message + " [" + d.rule + "]"));
              item.appendChild(head);
              if (typeof d.source === "string") {
                item.appendChild(element("pre", d.line + " | " + d.source,
                  "margin:4px 0 0;padding:4px 8px;background:rgba(255,255,255,.08);white-space:pre-wrap;"));
              }
              (d.notes || []).forEach(function (note) {
                item.appendChild(element("div", note, "color:#a1a1aa;white-space:pre-wrap;"));
              });
              overlay.appendChild(item);
            });
            if (status.total > status.diagnostics.length) {
              overlay.appendChild(element("div", "… and " + (status.total - status.diagnostics.length) + " more"));
            }
            document.body.appendChild(overlay);
          }

          function showSwitcher(status) {
            if (!status.brands || status.brands.length < 2) { return; }
            var select = element("select", null,
              "position:fixed;right:12px;bottom:12px;z-index:2147483646;font:13px system-ui,sans-serif;" +
              "padding:4px;border-radius:4px;");
            select.id = "trellis-brand";
            select.setAttribute("aria-label", "Previewed brand");
            status.brands.forEach(function (brand) {
              var option = element("option", brand.name || brand.id);
              option.value = brand.id;
              if (brand.id === status.brand) { option.selected = true; }
              select.appendChild(option);
            });
            select.addEventListener("change", function () {
              saveScroll();
              location.href = "/__trellis/switch?brand=" + encodeURIComponent(select.value) +
                "&path=" + encodeURIComponent(location.pathname + location.search + location.hash);
            });
            document.body.appendChild(select);
          }

          function start() {
            restoreScroll();
            connect();
            fetch("/__trellis/status.json", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (status) {
                if (!isNaN(generation) && status.generation !== generation) { reload(); return; }
                showSwitcher(status);
                showOverlay(status);
              })
              .catch(function () {});
          }

          if (document.readyState === "loading") {
            document.addEventListener("DOMContentLoaded", start);
          } else {
            start();
          }
        })();

        """#
}
