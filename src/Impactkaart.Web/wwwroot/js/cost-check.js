// Step 2: as the user types the participants and the costs, say the cost per participant under the costs, and warn
// politely when it is far outside the reference project's usual range ("90" typed where 90.000 was meant).
// Progressive enhancement: the page works without this script, and then step 3 gives the same warning.
// Every number (the range, the limits) and every text comes from the server, in data attributes of the form
// (Features/Wizard/CostCheck.cs); this script only reads the fields, divides and fills in.
(function () {
    "use strict";

    // The engine's amount rule (Impactkaart.Engine.Calculation.NumberText.ReadAmount), so the script reads a field
    // exactly as the server will: "90.000" = 90000, "90.000,50", "90000,5", "90000.5", "90 000", "€ 90.000,-".
    // Null for anything the server refuses ("1.5.3", "9.00,0", "90,000").
    var pointGroups = /^[1-9]\d{0,2}(\.\d{3})+$/;
    var spaceGroups = /^[1-9]\d{0,2}( \d{3})+$/;
    var oneGroup = /^[1-9]\d{0,2}$/;
    var currency = ["€", "euro", "eur"];

    function ungrouped(whole) {
        var hasPoints = whole.indexOf(".") >= 0;
        var hasSpaces = whole.indexOf(" ") >= 0;
        if (!hasPoints && !hasSpaces) {
            return whole;
        }
        if (hasPoints && !hasSpaces && pointGroups.test(whole)) {
            return whole.replace(/\./g, "");
        }
        if (hasSpaces && !hasPoints && spaceGroups.test(whole)) {
            return whole.replace(/ /g, "");
        }
        return null;
    }

    function withoutCurrency(text) {
        var lower = text.toLowerCase();
        for (var i = 0; i < currency.length; i++) {
            var sign = currency[i];
            if (lower.slice(0, sign.length) === sign) {
                return text.slice(sign.length).trim();
            }
            if (lower.length >= sign.length && lower.slice(lower.length - sign.length) === sign) {
                return text.slice(0, text.length - sign.length).trim();
            }
        }
        return text;
    }

    function count(text, ch) {
        return text.split(ch).length - 1;
    }

    function readAmount(text) {
        if (text === null || text === undefined) {
            return null;
        }
        var t = withoutCurrency(String(text).replace(/\s+/g, " ").trim());
        if (t.slice(-2) === ",-") {
            t = t.slice(0, -2).trim();
        }
        var negative = t.charAt(0) === "-";
        if (negative || t.charAt(0) === "+") {
            t = t.slice(1).trim();
        }
        if (t.length === 0 || !/^[0-9., ]+$/.test(t)) {
            return null;
        }
        var commas = count(t, ",");
        var points = count(t, ".");
        var whole;
        var fraction = "";
        var split = true;
        if (commas > 1) {
            return null;
        }
        if (commas === 1) {
            var comma = t.indexOf(",");
            fraction = t.slice(comma + 1);
            var before = t.slice(0, comma);
            if (points === 0 && oneGroup.test(before) && /^\d{3}$/.test(fraction)) {
                return null;
            }
            whole = ungrouped(before);
        } else if (pointGroups.test(t)) {
            whole = t.replace(/\./g, "");
            split = false;
        } else if (points === 1 && t.indexOf(" ") < 0) {
            var point = t.indexOf(".");
            whole = t.slice(0, point);
            fraction = t.slice(point + 1);
        } else if (points === 0) {
            whole = ungrouped(t);
            split = false;
        } else {
            return null;
        }
        if (whole === null || !/^\d*$/.test(fraction) || (split && fraction.length === 0)) {
            return null;
        }
        var value = Number((whole.length === 0 ? "0" : whole) + (fraction.length === 0 ? "" : "." + fraction));
        return negative ? -value : value;
    }

    function setUp(form) {
        var data = form.dataset;
        var usualLow = Number(data.usualLow);
        var usualHigh = Number(data.usualHigh);
        var unusualBelow = Number(data.unusualBelow);
        var unusualAbove = Number(data.unusualAbove);
        var thousand = Number(data.thousand);
        var english = document.documentElement.lang === "en";
        var culture = english ? "en-GB" : "nl-NL";
        var totalOut = document.getElementById("kosten-check");
        var partsOut = document.getElementById("soorten-check");
        if (!totalOut || !partsOut) {
            return;
        }

        function field(name) {
            var input = form.elements[name];
            return input && input.value.trim() !== "" ? input.value : null;
        }

        // As the server writes an amount (Formats.Amount in Reports/Formats.cs): "€ 1,13" and "€ 1.125" in Dutch, "€1.13" and
        // "€1,125" in English; cents only below 1.000 euros and only when there are any. Never negative here.
        function money(euros) {
            var cents = Math.round(euros * 100) / 100;
            var digits = Math.abs(cents) < 1000 && cents !== Math.round(cents) ? 2 : 0;
            var amount = new Intl.NumberFormat(culture, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(euros);
            return (english ? "€" : "€ ") + amount;
        }

        // An amount as the user would type it: "90.000" in Dutch, "90000" in English (where "90,000" is unclear).
        function typed(value) {
            var rounded = Math.round(value * 100) / 100;
            return english ? String(rounded) : new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 }).format(rounded);
        }

        function fill(template, value) {
            return template.replace("{0}", value);
        }

        // The total of what was typed, as the engine adds it up; null while something is missing or not a number.
        function costs() {
            var total = field("kosten");
            if (total !== null) {
                return { total: readAmount(total), typedTotal: true };
            }
            var sum = 0;
            var any = false;
            var names = ["personeel", "vrijwilligers", "materiaal", "overhead"];
            for (var i = 0; i < names.length; i++) {
                var text = field(names[i]);
                if (text !== null) {
                    var amount = readAmount(text);
                    if (amount === null) {
                        return null;
                    }
                    sum += amount;
                    any = true;
                }
            }
            var hours = field("uren");
            var rate = field("uurtarief");
            if (hours !== null || rate !== null) {
                var h = readAmount(hours);
                var r = readAmount(rate);
                if (h === null || r === null) {
                    return null;
                }
                sum += h * r;
                any = true;
            }
            return any ? { total: sum, typedTotal: false } : null;
        }

        function show(output, text, unusual) {
            if (output.textContent !== text) {
                output.textContent = text;
            }
            output.classList.toggle("unusual", unusual);
        }

        function update() {
            var participants = readAmount(field("deelnemers"));
            var typedCosts = costs();
            var text = "";
            var unusual = false;
            if (participants !== null && participants >= 1 && Math.floor(participants) === participants
                && typedCosts !== null && typedCosts.total !== null && typedCosts.total > 0) {
                var per = typedCosts.total / participants;
                unusual = per < unusualBelow || per > unusualAbove;
                text = fill(data.textPerParticipant, money(per));
                if (unusual) {
                    text += " " + data.textUnusual;
                    if (typedCosts.typedTotal && per * thousand >= usualLow && per * thousand <= usualHigh) {
                        text += " " + fill(data.textSuggestion, typed(typedCosts.total * thousand));
                    }
                }
            }
            var here = typedCosts !== null && !typedCosts.typedTotal ? partsOut : totalOut;
            show(here, text, unusual);
            show(here === totalOut ? partsOut : totalOut, "", false);
        }

        form.addEventListener("input", update);
        // Also once now: a browser may have restored what was typed when the user came back to this page.
        update();
    }

    window.impactkaart = window.impactkaart || {};
    window.impactkaart.readAmount = readAmount;
    var forms = document.querySelectorAll("form[data-cost-check]");
    for (var i = 0; i < forms.length; i++) {
        setUp(forms[i]);
    }
}());
