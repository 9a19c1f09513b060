import { describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, pgTable, varchar } from "drizzle-orm/pg-core";
import { ancestorOf, inScope, overlapsArea, withinArea } from "./index.js";

const dialect = new PgDialect();
const render = (query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { sql: text, params };
};
const places = pgTable("places", { areaCode: varchar("area_code", { length: 12 }) });

describe("withinArea", () => {
  it("is a prefix LIKE on the column with a bound pattern", () => {
    expect(render(withinArea(places.areaCode, "410105"))).toEqual({ sql: `"places"."area_code" LIKE $1`, params: ["410105%"] });
  });

  it("renders the same SQL as a one-prefix inScope branch", () => {
    expect(render(sql`(${withinArea(places.areaCode, "410105")})`)).toEqual(render(inScope(places.areaCode, ["410105"])));
  });

  it("escapes LIKE wildcards in a literal code", () => {
    expect(render(withinArea(places.areaCode, "41_0%")).params).toEqual(["41\\_0\\%%"]);
  });

  it("takes another expression as the area (a join)", () => {
    expect(render(withinArea(sql`sc.area_code`, sql`a.code`))).toEqual({ sql: `sc.area_code LIKE a.code || '%'`, params: [] });
  });
});

describe("ancestorOf", () => {
  it("matches the code against the column as a prefix", () => {
    expect(render(ancestorOf(places.areaCode, "410105001002"))).toEqual({
      sql: `$1 LIKE "places"."area_code" || '%'`,
      params: ["410105001002"],
    });
    expect(render(ancestorOf(sql`served.code`, sql`t.code`))).toEqual({ sql: `t.code LIKE served.code || '%'`, params: [] });
  });
});

describe("overlapsArea", () => {
  it("is withinArea OR ancestorOf, in parentheses", () => {
    expect(render(overlapsArea(sql`served.code`, "410105"))).toEqual({
      sql: `(served.code LIKE $1 OR $2 LIKE served.code || '%')`,
      params: ["410105%", "410105"],
    });
  });
});
