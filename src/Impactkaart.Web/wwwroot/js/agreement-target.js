// Proposing a result agreement: when the funder picks another kind, the target follows that kind's plan value, as
// long as the funder has not typed a target of their own. The values come from the server (data-default on each
// choice). Progressive enhancement: without this script an empty target also means the plan's value.
(function () {
    "use strict";
    var target = document.getElementById("doel");
    var choices = document.querySelectorAll("input[name='soort']");
    if (!target || choices.length === 0) {
        return;
    }
    var shown = target.value;
    choices.forEach(function (choice) {
        choice.addEventListener("change", function () {
            if (target.value === shown) {
                target.value = choice.getAttribute("data-default") || "";
                shown = target.value;
            }
        });
    });
}());
