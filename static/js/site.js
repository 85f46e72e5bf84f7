/*
 * Small progressive enhancements; every page works without them.
 *
 * - [data-copy-target]: a (hidden by default) button that copies the text of the element with
 *   that id, e.g. a publication's citation; announces the result in the next .copy-status.
 * - The language switcher closes with Escape.
 */
(function () {
    "use strict";

    function setupCopyButtons() {
        if (!navigator.clipboard) {
            return;
        }
        document.querySelectorAll("[data-copy-target]").forEach(function (button) {
            var target = document.getElementById(button.dataset.copyTarget);
            if (!target) {
                return;
            }
            var status = button.parentElement.querySelector(".copy-status");
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(target.textContent.trim()).then(
                    function () {
                        if (status) {
                            status.textContent = button.dataset.copiedText || "";
                        }
                    },
                    function () {
                        if (status) {
                            status.textContent = button.dataset.copyFailedText || "";
                        }
                    }
                );
            });
        });
    }

    function setupDisclosures() {
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") {
                return;
            }
            document.querySelectorAll(".language-switcher details[open]").forEach(function (details) {
                details.open = false;
                var summary = details.querySelector("summary");
                if (summary && details.contains(document.activeElement)) {
                    summary.focus();
                }
            });
        });
    }

    function init() {
        setupCopyButtons();
        setupDisclosures();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
