// Adds the widget's script tag for the site in ?site= (the demo site by default): what that site's
// snippet does when pasted on a page, without writing a page per site.
(function () {
  var site = new URLSearchParams(location.search).get("site") || "demo";
  var tag = document.createElement("script");
  tag.src = document.currentScript.getAttribute("data-widget");
  tag.async = true;
  tag.setAttribute("data-site", site);
  document.head.appendChild(tag);
})();
