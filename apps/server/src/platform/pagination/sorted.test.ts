import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { sortQuery } from "@sanshe/contracts";
import { AppError } from "../errors/app-error.js";
import { parseSort, sortedKeyset, type SortColumns } from "./sorted.js";

const columns: SortColumns<"created_at" | "closed_at" | "name"> = {
  created_at: { expr: sql`t.created_at`, kind: "instant" },
  closed_at: { expr: sql`t.closed_at`, kind: "instant", nullable: true },
  name: { expr: sql`t.name`, kind: "text" },
};
const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
const dialect = new PgDialect();
const render = (query: ReturnType<typeof sql>) => dialect.sqlToQuery(query);

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}

describe("sortQuery", () => {
  const schema = sortQuery(["created_at", "name"], "-created_at");

  it("accepts the allow-listed columns in both directions, and no sort at all", () => {
    for (const value of ["created_at", "-created_at", "name", "-name", undefined]) {
      expect(schema.safeParse(value).success).toBe(true);
    }
  });

  it("refuses any other column, double dashes, other cases and SQL", () => {
    for (const value of ["id", "--name", "Name", "name desc", "name;drop table t", "+name", ""]) {
      expect(schema.safeParse(value).success).toBe(false);
    }
  });
});

describe("parseSort", () => {
  it("reads -column as descending and falls back to the list's default", () => {
    expect(parseSort("-name", "created_at")).toEqual({ column: "name", descending: true });
    expect(parseSort("name", "-created_at")).toEqual({ column: "name", descending: false });
    expect(parseSort(undefined, "-created_at")).toEqual({ column: "created_at", descending: true });
  });
});

describe("sortedKeyset", () => {
  const base = { fallback: "-created_at" as const, id: sql`t.id` };

  it("orders NULLs last in both directions, ties by id in the same direction", () => {
    expect(render(sortedKeyset(columns, { ...base, sort: "closed_at", cursor: undefined }).order).sql).toBe(
      "t.closed_at ASC NULLS LAST, t.id ASC",
    );
    expect(render(sortedKeyset(columns, { ...base, sort: "-closed_at", cursor: undefined }).order).sql).toBe(
      "t.closed_at DESC NULLS LAST, t.id DESC",
    );
  });

  it("round-trips a cursor into a row comparison for a column without NULLs, values bound as parameters", () => {
    const first = sortedKeyset(columns, { ...base, sort: "-created_at", cursor: undefined });
    expect(first.after).toBeNull();
    const cursor = first.cursorOf("2026-01-01 08:00:00.123456+00", id);
    const next = sortedKeyset(columns, { ...base, sort: "-created_at", cursor });
    const after = render(next.after as ReturnType<typeof sql>);
    expect(after.sql).toBe("((t.created_at, t.id) < ($1::timestamptz, $2::uuid))");
    expect(after.params).toEqual(["2026-01-01 08:00:00.123456+00", id]);
  });

  it("after a NULL only NULLs follow (by id); after a value, larger values, its ties and then the NULLs", () => {
    const atNull = sortedKeyset(columns, { ...base, sort: "closed_at", cursor: undefined }).cursorOf(null, id);
    expect(render(sortedKeyset(columns, { ...base, sort: "closed_at", cursor: atNull }).after as ReturnType<typeof sql>).sql).toBe(
      "(t.closed_at IS NULL AND t.id > $1::uuid)",
    );
    const atValue = sortedKeyset(columns, { ...base, sort: "-closed_at", cursor: undefined }).cursorOf("2026-02-01 00:00:00+00", id);
    expect(render(sortedKeyset(columns, { ...base, sort: "-closed_at", cursor: atValue }).after as ReturnType<typeof sql>).sql).toBe(
      "(t.closed_at < $1::timestamptz OR (t.closed_at = $2::timestamptz AND t.id < $3::uuid) OR t.closed_at IS NULL)",
    );
  });

  it("refuses with VALIDATION_FAILED a cursor of another sort, a value of the wrong kind, a NULL where none can be, or garbage", () => {
    const underName = sortedKeyset(columns, { ...base, sort: "name", cursor: undefined }).cursorOf("张三", id);
    const forged = Buffer.from(JSON.stringify(["-created_at", "not a time'); drop table t; --", id])).toString("base64url");
    const nullInstant = Buffer.from(JSON.stringify(["-created_at", null, id])).toString("base64url");
    for (const cursor of [underName, forged, nullInstant, "!!!", Buffer.from("[1,2]").toString("base64url")]) {
      const error = thrownBy(() => sortedKeyset(columns, { ...base, sort: "-created_at", cursor }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION_FAILED");
    }
  });

  it("pages rows identified by a bigserial with a bigint tie-breaker, and refuses a UUID where a bigint id belongs", () => {
    const bigintBase = { ...base, idKind: "bigint" as const };
    const cursor = sortedKeyset(columns, { ...bigintBase, sort: "-created_at", cursor: undefined }).cursorOf(
      "2026-01-01 08:00:00+00",
      "9007199254740993",
    );
    const after = render(sortedKeyset(columns, { ...bigintBase, sort: "-created_at", cursor }).after as ReturnType<typeof sql>);
    expect(after.sql).toBe("((t.created_at, t.id) < ($1::timestamptz, $2::bigint))");
    expect(after.params).toEqual(["2026-01-01 08:00:00+00", "9007199254740993"]);
    const withUuid = sortedKeyset(columns, { ...base, sort: "-created_at", cursor: undefined }).cursorOf("2026-01-01 08:00:00+00", id);
    const error = thrownBy(() => sortedKeyset(columns, { ...bigintBase, sort: "-created_at", cursor: withUuid }));
    expect((error as AppError).code).toBe("VALIDATION_FAILED");
    const withBigint = sortedKeyset(columns, { ...bigintBase, sort: "-created_at", cursor: undefined }).cursorOf(
      "2026-01-01 08:00:00+00",
      "42",
    );
    expect((thrownBy(() => sortedKeyset(columns, { ...base, sort: "-created_at", cursor: withBigint })) as AppError).code).toBe(
      "VALIDATION_FAILED",
    );
  });
});
