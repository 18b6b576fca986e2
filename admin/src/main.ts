document.getElementById("app")!.textContent = "Beckon inbox";
