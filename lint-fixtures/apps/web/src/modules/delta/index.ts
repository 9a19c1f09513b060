export { Card } from "./components/Card";
