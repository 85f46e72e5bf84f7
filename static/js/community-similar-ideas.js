/*
 * Similar ideas while an author types a title and summary (community idea form).
 * The form carries data-similar-url; the title and summary fields carry data-similar-source.
 * Results are written with textContent only: nothing from the server becomes markup.
 */
(function () {
    "use strict";

    var DELAY = 400;
    var MIN_LENGTH = 8;

    function init(form) {
        var url = form.getAttribute("data-similar-url");
        var exclude = form.getAttribute("data-similar-exclude") || "";
        var box = form.querySelector("[data-similar-results]");
        var fields = form.querySelectorAll("[data-similar-source]");
        var language = form.querySelector("[name=language]");
        if (!url || !box || !fields.length) {
            return;
        }
        var list = box.querySelector("ul");
        var timer = null;
        var controller = null;

        function text() {
            return Array.prototype.map.call(fields, function (field) { return field.value; }).join(" ");
        }

        function render(results) {
            list.textContent = "";
            results.forEach(function (result) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = result.url;
                link.textContent = result.title;
                link.target = "_blank";
                link.rel = "noopener";
                var summary = document.createElement("p");
                summary.textContent = result.summary;
                item.appendChild(link);
                item.appendChild(summary);
                list.appendChild(item);
            });
            box.hidden = results.length === 0;
        }

        function search() {
            var value = text().trim();
            if (value.length < MIN_LENGTH) {
                render([]);
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            var query = new URLSearchParams({
                text: value,
                language: language ? language.value : document.documentElement.lang,
                exclude: exclude
            });
            fetch(url + "?" + query.toString(), {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                signal: controller.signal
            })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { render(data.results || []); })
                .catch(function () { /* aborted or offline: keep the last results */ });
        }

        Array.prototype.forEach.call(fields, function (field) {
            field.addEventListener("input", function () {
                window.clearTimeout(timer);
                timer = window.setTimeout(search, DELAY);
            });
        });
        if (language) {
            language.addEventListener("change", search);
        }
        search();
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-similar-url]").forEach(init);
    });
})();
