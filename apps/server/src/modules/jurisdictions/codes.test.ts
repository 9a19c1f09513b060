import { describe, expect, it } from "vitest";
import { ancestorsOf, kindOf, levelOf, parentOf } from "./codes.js";

describe("division codes", () => {
  it("derives the level from the code length", () => {
    expect(levelOf("41")).toBe("province");
    expect(levelOf("4101")).toBe("city");
    expect(levelOf("410105")).toBe("district");
    expect(levelOf("410105007")).toBe("street");
    expect(levelOf("410105007002")).toBe("community");
    expect(levelOf("41010")).toBeNull();
    expect(levelOf("41010500700x")).toBeNull();
  });

  it("finds parents and ancestors by prefix", () => {
    expect(parentOf("410105007002")).toBe("410105007");
    expect(parentOf("410105007")).toBe("410105");
    expect(parentOf("41")).toBeNull();
    expect(ancestorsOf("410105007002")).toEqual(["41", "4101", "410105", "410105007"]);
  });

  it("reads the kind from the NBS serial ranges", () => {
    expect(kindOf("410105007")).toBe("subdistrict");
    expect(kindOf("410122100")).toBe("town");
    expect(kindOf("410185201")).toBe("township");
    expect(kindOf("410171400")).toBe("zone");
    expect(kindOf("410105007002")).toBe("neighborhood");
    expect(kindOf("410122100201")).toBe("village");
    expect(kindOf("410171400401")).toBe("neighborhood");
    expect(kindOf("410171400601")).toBe("village");
    expect(kindOf("410105")).toBeNull();
  });
});
