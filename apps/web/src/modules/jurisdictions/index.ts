export { areaKeys, useArea } from "./api";
export { AreaCodeInput } from "./components/AreaCodeInput";
export { AreaLevelTag } from "./components/AreaLevelTag";
export { AreaName } from "./components/AreaName";
export { AreaTreeSelect } from "./components/AreaTreeSelect";
export { jurisdictionsModule } from "./module";
