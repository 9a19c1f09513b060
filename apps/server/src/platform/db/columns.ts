import { customType, timestamp } from "drizzle-orm/pg-core";

/**
 * A statistical division code (area_code) stored with the "C" collation, so that
 * `area_code LIKE '410105%'` is a range scan on a plain btree index and codes sort digit by digit.
 */
export const areaCode = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'varchar(12) COLLATE "C"';
  },
});

/** created_at / updated_at pair shared by every table. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Raw bytes (PostgreSQL bytea) as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return "bytea";
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});
