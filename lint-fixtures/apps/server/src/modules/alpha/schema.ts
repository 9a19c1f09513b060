import { pgTable, text } from "drizzle-orm/pg-core";

export const alphas = pgTable("alphas", { id: text("id").primaryKey() });
