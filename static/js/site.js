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

    // Menus built on <details> (language switcher, account menu, menu groups) work without JavaScript;
    // with it they behave like menus: Escape or a click elsewhere closes them, and opening
    // one closes the others.
    var MENUS = ".language-switcher details, .account-menu details, .primary-nav__group details";

    function setupDisclosures() {
        var menus = document.querySelectorAll(MENUS);
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") {
                return;
            }
            menus.forEach(function (details) {
                if (!details.open) {
                    return;
                }
                details.open = false;
                var summary = details.querySelector("summary");
                if (summary && details.contains(document.activeElement)) {
                    summary.focus();
                }
            });
        });
        document.addEventListener("click", function (event) {
            menus.forEach(function (details) {
                if (details.open && !details.contains(event.target)) {
                    details.open = false;
                }
            });
        });
        menus.forEach(function (details) {
            details.addEventListener("toggle", function () {
                if (!details.open) {
                    return;
                }
                menus.forEach(function (other) {
                    if (other !== details && other.open) {
                        other.open = false;
                    }
                });
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
