/*
 * The members' editor (community/members/writing.py): enhances each textarea[data-editor].
 * Without this script the textarea takes Markdown as typed; with it the member also gets
 *  - a toolbar that wraps the selection in Markdown (bold, italic, heading, quote, lists, link);
 *  - a Preview tab, rendered by the server with the function that renders the saved text;
 *  - @-name suggestions (data-mentions-url), inserting @[Name](member:id);
 *  - a draft kept in localStorage while typing, restored if the tab was closed, and cleared
 *    once the form was sent and the next page shows no error.
 * Labels come from the server, translated (data-editor-labels). Only the server's sanitised
 * preview is written as HTML; names from the server are written with textContent.
 */
(function () {
    "use strict";

    var DRAFT_PREFIX = "osc-draft:";
    var SENT_KEY = "osc-draft-sent";
    var SUGGEST_DELAY = 200;
    // "@" at the start or after a space/punctuation, then what was typed of a name (spaces
    // allowed, no newline, no second @), ending at the caret.
    var MENTION_AT_CARET = /(^|[^\w@\]])@([^\s@\[\]()][^@\[\]()\n]{0,39})$/;

    function storage(kind) {
        try {
            var store = window[kind];
            var probe = "osc-probe";
            store.setItem(probe, probe);
            store.removeItem(probe);
            return store;
        } catch (error) {
            return null; // private mode, storage switched off: the editor works without drafts
        }
    }

    var local = storage("localStorage");
    var session = storage("sessionStorage");

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function csrfToken(form) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    /* ---------- toolbar ---------- */

    function replaceSelection(textarea, before, after, placeholder, linePrefix) {
        var start = textarea.selectionStart;
        var end = textarea.selectionEnd;
        var value = textarea.value;
        var selected = value.slice(start, end) || placeholder;
        var inserted;
        if (linePrefix) {
            var lineStart = value.lastIndexOf("\n", start - 1) + 1;
            start = lineStart;
            selected = value.slice(lineStart, end) || placeholder;
            inserted = selected.split("\n").map(function (line, index) {
                return (typeof linePrefix === "function" ? linePrefix(index) : linePrefix) + line;
            }).join("\n");
        } else {
            inserted = before + selected + after;
        }
        textarea.setRangeText(inserted, start, end, "end");
        if (!linePrefix) {
            // The words stay selected, ready to be typed over.
            textarea.setSelectionRange(start + before.length, start + before.length + selected.length);
        }
        textarea.focus();
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    var ACTIONS = [
        ["bold", "B", function (t, l) { replaceSelection(t, "**", "**", l.text); }],
        ["italic", "I", function (t, l) { replaceSelection(t, "_", "_", l.text); }],
        ["heading", "H", function (t, l) { replaceSelection(t, "", "", l.text, "### "); }],
        ["quote", "\u201C", function (t, l) { replaceSelection(t, "", "", l.text, "> "); }],
        ["bulleted", "\u2022", function (t, l) { replaceSelection(t, "", "", l.text, "- "); }],
        ["numbered", "1.", function (t, l) {
            replaceSelection(t, "", "", l.text, function (index) { return (index + 1) + ". "; });
        }],
        ["link", "a", function (t, l) { replaceSelection(t, "[", "](https://)", l.text); }]
    ];

    function toolbar(textarea, labels) {
        var bar = element("div", "editor__toolbar");
        bar.setAttribute("role", "toolbar");
        bar.setAttribute("aria-label", labels.toolbar);
        bar.setAttribute("aria-controls", textarea.id);
        ACTIONS.forEach(function (action) {
            var button = element("button", "editor__tool editor__tool--" + action[0]);
            button.type = "button";
            button.title = labels[action[0]];
            // The glyph is what sighted people see; its name is what a screen reader says.
            var face = element("span", "", action[1]);
            face.setAttribute("aria-hidden", "true");
            button.appendChild(face);
            button.appendChild(element("span", "visually-hidden", labels[action[0]]));
            button.addEventListener("click", function () { action[2](textarea, labels); });
            bar.appendChild(button);
        });
        return bar;
    }

    /* ---------- preview ---------- */

    function tabs(textarea, labels, form) {
        var list = element("div", "editor__tabs");
        list.setAttribute("role", "tablist");
        var write = element("button", "editor__tab", labels.write);
        var show = element("button", "editor__tab", labels.preview);
        var panel = element("div", "editor__preview post__body");
        var base = textarea.id || textarea.name;
        [write, show].forEach(function (tab, index) {
            tab.type = "button";
            tab.setAttribute("role", "tab");
            tab.id = base + (index ? "-preview-tab" : "-write-tab");
            list.appendChild(tab);
        });
        panel.id = base + "-preview";
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", show.id);
        panel.setAttribute("aria-live", "polite");
        panel.dir = "auto"; // follows the text written, like the textarea
        panel.tabIndex = 0;
        panel.hidden = true;
        write.setAttribute("aria-controls", textarea.id);
        show.setAttribute("aria-controls", panel.id);

        function select(previewing) {
            write.setAttribute("aria-selected", previewing ? "false" : "true");
            show.setAttribute("aria-selected", previewing ? "true" : "false");
            write.tabIndex = previewing ? -1 : 0;
            show.tabIndex = previewing ? 0 : -1;
            panel.hidden = !previewing;
            textarea.hidden = previewing;
            list.parentNode.classList.toggle("editor--previewing", previewing);
        }

        function load() {
            if (!textarea.value.trim()) {
                panel.textContent = labels.empty;
                return;
            }
            panel.textContent = labels.loading;
            var body = new URLSearchParams({ source: textarea.value });
            fetch(textarea.getAttribute("data-preview-url"), {
                method: "POST",
                credentials: "same-origin",
                headers: { "X-CSRFToken": csrfToken(form), "Accept": "application/json" },
                body: body
            }).then(function (response) {
                return response.json().then(function (data) {
                    if (!response.ok) {
                        throw new Error(data.error || labels.failed);
                    }
                    return data;
                });
            }).then(function (data) {
                // The server's rendering, through the one sanitiser: the same HTML the post shows.
                panel.innerHTML = data.html;
            }).catch(function (error) {
                panel.textContent = error && error.message ? error.message : labels.failed;
            });
        }

        write.addEventListener("click", function () { select(false); textarea.focus(); });
        show.addEventListener("click", function () { select(true); load(); });
        list.addEventListener("keydown", function (event) {
            if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
                var previewing = show.getAttribute("aria-selected") !== "true";
                (previewing ? show : write).click();
                (previewing ? show : write).focus();
                event.preventDefault();
            }
        });
        return { list: list, panel: panel, select: select };
    }

    /* ---------- @-names ---------- */

    function mentions(textarea, labels, wrapper) {
        var url = textarea.getAttribute("data-mentions-url");
        if (!url) {
            return;
        }
        var box = element("ul", "editor__mentions");
        box.id = (textarea.id || textarea.name) + "-mentions";
        box.setAttribute("role", "listbox");
        box.setAttribute("aria-label", labels.mentions);
        box.hidden = true;
        wrapper.appendChild(box);
        textarea.setAttribute("aria-autocomplete", "list");
        textarea.setAttribute("aria-controls", box.id);
        var timer = null;
        var controller = null;
        var results = [];
        var active = -1;
        var typed = null; // {start, end} of "@query" in the textarea

        function close() {
            box.hidden = true;
            box.textContent = "";
            results = [];
            active = -1;
            textarea.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            active = index;
            Array.prototype.forEach.call(box.children, function (item, position) {
                item.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            if (index >= 0) {
                textarea.setAttribute("aria-activedescendant", box.children[index].id);
            }
        }

        function choose(index) {
            var chosen = results[index];
            if (!chosen || !typed) {
                return;
            }
            textarea.setRangeText(chosen.insert + " ", typed.start, typed.end, "end");
            close();
            textarea.focus();
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }

        function show(found) {
            results = found;
            box.textContent = "";
            found.forEach(function (member, index) {
                var item = element("li", "editor__mention");
                item.id = box.id + "-" + member.id;
                item.setAttribute("role", "option");
                var name = element("bdi", "", member.name);
                item.appendChild(name);
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep the focus (and the caret) in the textarea
                    choose(index);
                });
                box.appendChild(item);
            });
            box.hidden = found.length === 0;
            highlight(found.length ? 0 : -1);
        }

        function lookUp() {
            var caret = textarea.selectionStart;
            if (caret !== textarea.selectionEnd) {
                close();
                return;
            }
            var match = MENTION_AT_CARET.exec(textarea.value.slice(Math.max(0, caret - 42), caret));
            if (!match) {
                close();
                return;
            }
            var query = match[2];
            typed = { start: caret - query.length - 1, end: caret };
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            fetch(url + "?" + new URLSearchParams({ q: query }), {
                credentials: "same-origin",
                headers: { "Accept": "application/json" },
                signal: controller.signal
            }).then(function (response) {
                return response.ok ? response.json() : { results: [] };
            }).then(function (data) {
                show(data.results || []);
            }).catch(function () { /* aborted or offline: no suggestions */ });
        }

        textarea.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(lookUp, SUGGEST_DELAY);
        });
        textarea.addEventListener("keydown", function (event) {
            if (box.hidden || !results.length) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                var step = event.key === "ArrowDown" ? 1 : -1;
                highlight((active + step + results.length) % results.length);
                event.preventDefault();
            } else if (event.key === "Enter" || event.key === "Tab") {
                choose(active < 0 ? 0 : active);
                event.preventDefault();
            } else if (event.key === "Escape") {
                close();
                event.preventDefault();
            }
        });
        textarea.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    /* ---------- drafts ---------- */

    function draftKey(textarea) {
        var form = textarea.form;
        var action = form && form.getAttribute("action") || window.location.pathname;
        return DRAFT_PREFIX + action.split("#")[0] + "#" + textarea.name;
    }

    function hasErrors(form) {
        return Boolean(form && form.querySelector(".errorlist, .form-errors"));
    }

    /* A form was sent from the previous page: its draft goes, unless this page shows that
       form again with an error (then it was not saved, and the draft stays). */
    function forgetSentDraft(textareas) {
        var sent = session && session.getItem(SENT_KEY);
        if (!sent || !local) {
            return;
        }
        session.removeItem(SENT_KEY);
        var refused = textareas.some(function (textarea) {
            return draftKey(textarea) === sent && hasErrors(textarea.form);
        });
        if (!refused) {
            local.removeItem(sent);
        }
    }

    function drafts(textarea, labels, form, wrapper) {
        if (!local) {
            return;
        }
        var key = draftKey(textarea);
        var saved = local.getItem(key);
        var initial = textarea.value;
        // A form shown again with an error already holds what was typed.
        if (saved && saved !== initial && !hasErrors(form)) {
            textarea.value = saved;
            var notice = element("p", "editor__draft notice", labels.restored + " ");
            var discard = element("button", "link-button", labels.discard);
            discard.type = "button";
            discard.addEventListener("click", function () {
                local.removeItem(key);
                textarea.value = initial;
                notice.remove();
                textarea.focus();
            });
            notice.appendChild(discard);
            wrapper.insertBefore(notice, wrapper.firstChild);
        }
        var timer = null;
        textarea.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                if (textarea.value.trim()) {
                    local.setItem(key, textarea.value);
                } else {
                    local.removeItem(key);
                }
            }, 300);
        });
        form.addEventListener("submit", function () {
            if (textarea.value.trim()) {
                local.setItem(key, textarea.value); // kept until the next page says it was saved
            }
            if (session) {
                session.setItem(SENT_KEY, key);
            }
        });
    }

    function init(textarea) {
        var form = textarea.form;
        var labels = JSON.parse(textarea.getAttribute("data-editor-labels") || "{}");
        var wrapper = element("div", "editor");
        textarea.parentNode.insertBefore(wrapper, textarea);
        var tabSet = tabs(textarea, labels, form);
        wrapper.appendChild(tabSet.list);
        wrapper.appendChild(toolbar(textarea, labels));
        wrapper.appendChild(textarea);
        wrapper.appendChild(tabSet.panel);
        tabSet.select(false);
        mentions(textarea, labels, wrapper);
        if (form) {
            drafts(textarea, labels, form, wrapper);
        }
    }

    function start() {
        var textareas = Array.prototype.slice.call(document.querySelectorAll("textarea[data-editor]"));
        forgetSentDraft(textareas);
        textareas.forEach(init);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
