// The demo shop's own script: a "Talk to us" button that opens the widget straight at "Call me back".
// Beckon(...) works even before widget.js has loaded, thanks to the queue stub.
document.querySelectorAll("[data-open-callback]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.Beckon("open", "callback");
  });
});
