// The demo shop's own script: buttons that open the widget straight at a channel ("callback" or
// "message"). Beckon(...) works even before widget.js has loaded, thanks to the queue stub.
document.querySelectorAll("[data-open]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.Beckon("open", button.getAttribute("data-open"));
  });
});
