export { needsModule } from "./module";
export { ResidentNeedCard, sortAwaitingFirst } from "./components/ResidentNeedCard";
export { useNeedList } from "./api";
