/*
 * The header's unread notification count, kept fresh without a reload.
 *
 * The account menu ([data-notification-poll]: the JSON endpoint's URL, data-poll-seconds: how
 * often) is asked for the count every few seconds while the tab is visible; it answers 304
 * when nothing changed (the ETag of the last answer is sent back as If-None-Match). A new
 * count updates every [data-notification-count] badge and [data-notification-label] text, and
 * is announced once in the polite live region [data-notification-live]. Polling stops while
 * the tab is hidden (and asks at once when it shows again), and for good on a 403 (logged out).
 * No library, no third-party service; without JavaScript the count is the page's own.
 */
(function () {
    "use strict";

    function start(root) {
        var url = root.dataset.notificationPoll;
        var seconds = parseFloat(root.dataset.pollSeconds || "60");
        if (!url || !(seconds > 0) || !window.fetch) {
            return;
        }
        var etag = null;
        var timer = null;
        var stopped = false;
        var current = null;
        var badges = root.querySelectorAll("[data-notification-count]");
        if (badges.length) {
            current = parseInt(badges[0].textContent, 10) || 0;
        }

        function show(count, label) {
            badges.forEach(function (badge) {
                badge.textContent = String(count);
                badge.hidden = count === 0;
            });
            root.querySelectorAll("[data-notification-label]").forEach(function (text) {
                text.textContent = label;
            });
            root.querySelectorAll(".notifications-link").forEach(function (link) {
                link.dataset.unread = String(count);
            });
            var live = root.querySelector("[data-notification-live]");
            if (live && count !== current) {
                live.textContent = count ? (live.dataset.livePrefix || "") + " " + label : "";
            }
            current = count;
        }

        function ask() {
            if (stopped || document.hidden) {
                return;
            }
            var headers = {Accept: "application/json"};
            if (etag) {
                headers["If-None-Match"] = etag;
            }
            // no-store: the browser's cache must not answer for us (we read the 304 ourselves).
            fetch(url, {credentials: "same-origin", cache: "no-store", headers: headers})
                .then(function (response) {
                    if (response.status === 403 || response.status === 401) {
                        stopped = true;
                        return null;
                    }
                    if (response.status !== 200) {
                        return null; // 304: unchanged
                    }
                    etag = response.headers.get("ETag");
                    return response.json();
                })
                .then(function (data) {
                    if (data && typeof data.count === "number") {
                        show(data.count, data.label || "");
                    }
                })
                .catch(function () {
                    // Offline for a moment: the next tick asks again.
                })
                .then(schedule);
        }

        function schedule() {
            window.clearTimeout(timer);
            if (!stopped && !document.hidden) {
                timer = window.setTimeout(ask, seconds * 1000);
            }
        }

        document.addEventListener("visibilitychange", function () {
            if (document.hidden) {
                window.clearTimeout(timer);
            } else {
                ask();
            }
        });
        schedule();
    }

    function init() {
        document.querySelectorAll("[data-notification-poll]").forEach(start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
