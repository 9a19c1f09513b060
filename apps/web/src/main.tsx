import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { i18next } from "./app/i18n";
import "./app/global.css";
import { ConsoleApp } from "./app/ConsoleApp";
import { keepScrollRegionsFocusable } from "./ui/scrollRegions";

const container = document.getElementById("root");
if (!container) {
  throw new Error("The #root element is missing from index.html");
}
keepScrollRegionsFocusable(document.body, () => i18next.t("ui.common.scrollableTable"));
createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
