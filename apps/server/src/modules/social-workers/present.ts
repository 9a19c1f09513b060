import type { SocialWorker, SocialWorkerPost, SocialWorkerTraining } from "@sanshe/contracts";
import type { socialWorkerPosts, socialWorkers, socialWorkerTrainings } from "./schema.js";

export type WorkerRow = typeof socialWorkers.$inferSelect & {
  supervisorName: string | null;
  communityCodes: string | null;
  hoursThisYear: number;
};

/** A social worker with the names of their organization, area and communities. */
export function presentWorker(
  row: WorkerRow,
  communities: readonly string[],
  names: { organizations: Map<string, { name: string }>; areaNames: Map<string, string>; trainingHoursRequired: number },
): SocialWorker {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    level: row.level,
    certificate_no: row.certificateNo,
    certificate_year: row.certificateYear,
    organization_id: row.organizationId,
    organization_name: names.organizations.get(row.organizationId)?.name ?? null,
    area_code: row.areaCode,
    area_name: names.areaNames.get(row.areaCode) ?? row.areaCode,
    supervisor_id: row.supervisorId,
    supervisor_name: row.supervisorName,
    status: row.status,
    user_id: row.userId,
    communities: communities.map((code) => ({ area_code: code, area_name: names.areaNames.get(code) ?? code })),
    training_hours_this_year: Number(row.hoursThisYear),
    training_hours_required: names.trainingHoursRequired,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A training record. */
export function presentTraining(row: typeof socialWorkerTrainings.$inferSelect): SocialWorkerTraining {
  return {
    id: row.id,
    worker_id: row.workerId,
    date: row.date,
    hours: Number(row.hours),
    topic: row.topic,
    provider: row.provider,
    created_at: row.createdAt.toISOString(),
  };
}

/** A post (岗位) held. */
export function presentPost(row: typeof socialWorkerPosts.$inferSelect): SocialWorkerPost {
  return {
    id: row.id,
    worker_id: row.workerId,
    kind: row.kind,
    title: row.title,
    area_code: row.areaCode,
    from_date: row.fromDate,
    to_date: row.toDate,
    created_at: row.createdAt.toISOString(),
  };
}
