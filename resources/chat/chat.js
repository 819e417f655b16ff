// The transcript's only entry points, called by ChatView through runJavaScript. Every function
// takes plain strings; text is inserted as text, HTML only where ChatView rendered it (md4c).
"use strict";
window.awb = (function () {
    function log() { return document.getElementById("log"); }
    function following() {
        const e = document.scrollingElement;
        return e.scrollTop + e.clientHeight >= e.scrollHeight - 24;
    }
    function keepFollowing(wasFollowing) {
        if (wasFollowing)
            document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
    }
    function el(tag, cls, text) {
        const e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text !== undefined) e.textContent = text;
        return e;
    }
    function message(cls, who, id) {
        const m = el("div", "msg " + cls);
        if (id) m.id = id;
        m.appendChild(el("div", "who", who));
        const body = el("div", "body");
        m.appendChild(body);
        log().appendChild(m);
        return body;
    }
    function assistantBody(stepId, who) {
        const existing = document.getElementById("s-" + stepId);
        if (existing) return existing.querySelector(".body");
        const body = message("assistant", who, "s-" + stepId);
        body.classList.add("streaming");
        return body;
    }
    return {
        theme: function (vars) {
            for (const k in vars) document.documentElement.style.setProperty("--" + k, vars[k]);
        },
        reset: function (hintHtml) {
            log().replaceChildren();
            document.getElementById("usage").textContent = "";
            if (hintHtml) {
                const h = el("div", "hint");
                h.innerHTML = hintHtml;
                log().appendChild(h);
            }
        },
        user: function (who, text) {
            const f = following();
            message("user", who).textContent = text;
            keepFollowing(f);
        },
        stream: function (stepId, who, text) {
            const f = following();
            assistantBody(stepId, who).appendChild(document.createTextNode(text));
            keepFollowing(f);
        },
        render: function (stepId, who, html) {
            const f = following();
            const body = assistantBody(stepId, who);
            body.classList.remove("streaming");
            body.innerHTML = html;
            keepFollowing(f);
        },
        tool: function (stepId, name, status, color, detail) {
            const f = following();
            let line = document.getElementById("t-" + stepId);
            if (!line) {
                line = el("div", "tool");
                line.id = "t-" + stepId;
                line.append(el("span", "dot"), el("span", "name"), el("span", "status"), el("span", "detail"));
                log().appendChild(line);
            }
            line.querySelector(".name").textContent = name;
            const s = line.querySelector(".status");
            s.textContent = status;
            s.style.color = color || "";
            line.querySelector(".dot").style.background = color || "";
            line.querySelector(".detail").textContent = detail || "";
            line.dataset.status = status;
            keepFollowing(f);
        },
        note: function (text, color) {
            const f = following();
            const n = el("div", "note", text);
            if (color) n.style.color = color;
            log().appendChild(n);
            keepFollowing(f);
        },
        usage: function (text) {
            document.getElementById("usage").textContent = text;
        }
    };
})();
