import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./app/i18n";
import "./app/global.css";
import { ConsoleApp } from "./app/ConsoleApp";

const container = document.getElementById("root");
if (!container) {
  throw new Error("The #root element is missing from index.html");
}
createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
