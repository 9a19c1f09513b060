import { describe, expect, it } from "vitest";
import { createPii, developmentKey, maskAddress, maskIdNumber, maskEmail, maskName, maskPhone, sm4EncryptBlock } from "./index.js";

const key = Buffer.from("0123456789abcdeffedcba9876543210", "hex");

describe("SM4", () => {
  it("matches the GB/T 32907 test vector on one block", () => {
    expect(sm4EncryptBlock(key, key).toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
  });
});

describe(createPii.name, () => {
  const protector = createPii(developmentKey());

  it("round-trips Chinese and ASCII values with a fresh IV each time", () => {
    for (const value of ["410105199001011234", "13800000005", "金水区丰乐社区 3 号楼"]) {
      const first = protector.encrypt(value);
      const second = protector.encrypt(value);
      expect(first).not.toBe(second);
      expect(first).not.toContain(value);
      expect(protector.decrypt(first)).toBe(value);
      expect(protector.decrypt(second)).toBe(value);
    }
  });

  it("refuses a ciphertext with any byte changed", () => {
    const stored = protector.encrypt("410105199001011234");
    const raw = Buffer.from(stored.slice(3), "base64");
    for (const position of [0, 5, 20, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[position] = (tampered[position] ?? 0) ^ 0x01;
      expect(() => protector.decrypt(`v1:${tampered.toString("base64")}`)).toThrow();
    }
    expect(() => protector.decrypt("v1:AAAA")).toThrow();
    expect(() => protector.decrypt("plain")).toThrow();
  });

  it("refuses a ciphertext made with another key", () => {
    const other = createPii(Buffer.alloc(32, 7));
    expect(() => protector.decrypt(other.encrypt("13800000005"))).toThrow();
  });

  it("gives a stable blind index that depends on key and field", () => {
    const other = createPii(Buffer.alloc(32, 7));
    const index = protector.blindIndex("id_number", "410105199001011234");
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(protector.blindIndex("id_number", "410105199001011234")).toBe(index);
    expect(protector.blindIndex("phone", "410105199001011234")).not.toBe(index);
    expect(other.blindIndex("id_number", "410105199001011234")).not.toBe(index);
  });

  it("refuses a master key of the wrong length", () => {
    expect(() => createPii(Buffer.alloc(16))).toThrow();
  });
});

describe("masking", () => {
  it("keeps the first 6 and last 4 characters of an ID number", () => {
    expect(maskIdNumber("41010519900101123X")).toBe("410105********123X");
  });
  it("keeps the first 3 and last 4 digits of a mobile", () => {
    expect(maskPhone("13800000005")).toBe("138****0005");
  });
  it("keeps the area code and last 4 digits of a landline", () => {
    expect(maskPhone("0371-12345678")).toBe("0371-****5678");
    expect(maskPhone("037112345678")).toBe("0371-****5678");
  });
});

describe("maskName and maskEmail", () => {
  it("keeps the first (and last) character of a name and the domain of an e-mail", () => {
    expect(maskName("王")).toBe("*");
    expect(maskName("王芳")).toBe("王*");
    expect(maskName("李秀英")).toBe("李*英");
    expect(maskName("𠮷田一郎")).toBe("𠮷**郎");
    expect(maskEmail("wjg@example.com")).toBe("w***@example.com");
    expect(maskEmail("not-an-email")).toBe("************");
  });
});

describe("maskAddress", () => {
  it("keeps the first third (at most 8 characters) and hides the building, unit and room", () => {
    expect(maskAddress("丰乐路12号院3号楼2单元301室")).toBe("丰乐路12****");
    expect(maskAddress("金水区花园路街道经三路171号院9号楼3单元803室")).toBe("金水区花园路街道****");
    expect(maskAddress("东风路")).toBe("东****");
    expect(maskAddress("x")).toBe("****");
  });
});
