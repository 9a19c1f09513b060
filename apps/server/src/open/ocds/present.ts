import type { OcdsOrganization, OcdsProcess, OcdsReleaseHead, OcdsStage } from "../../modules/projects/index.js";

/**
 * OCDS 1.1 releases of a call for projects (one contracting process per call). Mappings:
 * - procurementMethod: venture 公益创投 → "open" (any eligible organization may apply), directed
 *   定向购买 → "selective" (only organizations meeting the call's eligibility conditions), commissioned
 *   委托 → "limited" (the purchaser entrusts organizations of its choice); the Chinese term is kept in
 *   procurementMethodDetails.
 * - tender.status: open and under_review → "active", awarded → "complete", cancelled → "cancelled".
 * - contract.status: active and closing → "active", closed and terminated → "terminated" (ended).
 * - milestone.status: accepted → "met", due date passed → "notMet", otherwise "scheduled".
 * Parties: the buyer is the purchasing body, whose id derives from its area code (we know no registered
 * identifier for it); organizations are identified by their 统一社会信用代码 (GB 32100).
 */

/**
 * Scheme of the 统一社会信用代码. Social organizations get theirs from civil affairs (codes starting
 * 51/52/53), not from market regulation, so CN-SAMR would misname the register; the org-id.guide list
 * (the OCDS organization identifier scheme codelist) is not among the stored standards, so this code
 * is our own label — check org-id.guide for a registered CN scheme before publishing for real.
 */
export const usccScheme = "CN-USCC";

const currency = "CNY";
const money = (fen: number) => ({ amount: fen / 100, currency });
const methods = {
  venture: { method: "open", details: "公益创投 (venture philanthropy call)" },
  directed: { method: "selective", details: "定向购买 (directed purchase)" },
  commissioned: { method: "limited", details: "委托 (commissioned)" },
} as const;
const tenderStatus = { draft: "planning", open: "active", under_review: "active", awarded: "complete", cancelled: "cancelled" } as const;
const contractStatus = { active: "active", closing: "active", closed: "terminated", terminated: "terminated" } as const;
/** Dates (YYYY-MM-DD, China Standard Time) as the instant the day starts. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;
const dayEnd = (date: string) => `${date}T23:59:59+08:00`;

type Party = { id: string; name: string; identifier?: { scheme: string; id: string; legalName: string }; roles: string[] };

const buyerId = (process: OcdsProcess) => `CN-AREA-${process.call.areaCode}`;
const orgPartyId = (org: OcdsOrganization) => (org.uscc ? `${usccScheme}-${org.uscc}` : `sanshe-org-${org.id}`);
const orgRef = (org: OcdsOrganization) => ({ id: orgPartyId(org), name: org.name });

/** Collects parties by id, merging roles. */
class Parties {
  private readonly byId = new Map<string, Party>();
  add(party: Party): void {
    const existing = this.byId.get(party.id);
    if (existing) {
      existing.roles = [...new Set([...existing.roles, ...party.roles])];
    } else {
      this.byId.set(party.id, { ...party, roles: [...party.roles] });
    }
  }
  org(org: OcdsOrganization, roles: string[]): void {
    this.add({
      id: orgPartyId(org),
      name: org.name,
      ...(org.uscc ? { identifier: { scheme: usccScheme, id: org.uscc, legalName: org.name } } : {}),
      roles,
    });
  }
  list(): Party[] {
    return [...this.byId.values()];
  }
}

function tenderOf(process: OcdsProcess, now: Date, parties: Parties) {
  const { call } = process;
  const closed = call.submissionDeadline.getTime() <= now.getTime();
  // Who applied is published once submissions have closed.
  const tenderers = closed ? process.applications.filter((application) => application.status !== "withdrawn") : [];
  for (const application of tenderers) {
    parties.org(application.organization, ["tenderer"]);
  }
  return {
    planning: { budget: { description: `${call.purchaserName}：${call.title}`, amount: money(call.totalBudgetFen) } },
    tender: {
      id: `${call.ocid}-tender`,
      title: call.title,
      description: call.description,
      status: tenderStatus[call.status],
      procuringEntity: { id: buyerId(process), name: call.purchaserName },
      value: money(call.totalBudgetFen),
      procurementMethod: methods[call.mode].method,
      procurementMethodDetails: methods[call.mode].details,
      mainProcurementCategory: "services",
      awardCriteria: "ratedCriteria",
      submissionMethod: ["electronicSubmission"],
      tenderPeriod: {
        ...(call.publishedAt ? { startDate: call.publishedAt.toISOString() } : {}),
        endDate: call.submissionDeadline.toISOString(),
      },
      ...(closed
        ? { numberOfTenderers: tenderers.length, tenderers: tenderers.map((application) => orgRef(application.organization)) }
        : {}),
    },
  };
}

function awardsOf(process: OcdsProcess, parties: Parties) {
  return process.applications
    .filter((application) => application.status === "awarded")
    .map((application) => {
      parties.org(application.organization, ["supplier"]);
      return {
        id: application.id,
        title: application.title,
        status: "active",
        ...(application.decidedAt ? { date: application.decidedAt.toISOString() } : {}),
        value: money(application.requestedFen),
        suppliers: [orgRef(application.organization)],
      };
    });
}

function contractOf(process: OcdsProcess, contractId: string, withImplementation: boolean, now: Date, parties: Parties) {
  const contract = process.contracts.find((row) => row.id === contractId);
  if (!contract) {
    return null;
  }
  const supplier = process.applications.find((application) => application.id === contract.applicationId)?.organization;
  if (supplier) {
    parties.org(supplier, withImplementation ? ["supplier", "payee"] : ["supplier"]);
  }
  const base = {
    id: contract.id,
    awardID: contract.applicationId,
    title: contract.title,
    status: contractStatus[contract.status],
    period: { startDate: dayStart(contract.periodStart), endDate: dayEnd(contract.periodEnd) },
    value: money(contract.amountFen),
    dateSigned: contract.signedAt.toISOString(),
  };
  if (!withImplementation) {
    return base;
  }
  const today = now.toISOString().slice(0, 10);
  const payer = { id: buyerId(process), name: process.call.purchaserName };
  return {
    ...base,
    implementation: {
      milestones: process.milestones
        .filter((milestone) => milestone.contractId === contract.id)
        .map((milestone) => ({
          id: milestone.id,
          title: milestone.title,
          type: "delivery",
          description: milestone.deliverables,
          dueDate: dayEnd(milestone.dueOn),
          ...(milestone.acceptedAt ? { dateMet: milestone.acceptedAt.toISOString() } : {}),
          dateModified: milestone.updatedAt.toISOString(),
          status: milestone.status === "accepted" ? "met" : milestone.dueOn < today ? "notMet" : "scheduled",
        })),
      transactions: process.payments
        .filter((payment) => payment.contractId === contract.id)
        .map((payment) => ({
          id: payment.id,
          date: dayStart(payment.paidOn),
          value: money(payment.amountFen),
          payer,
          ...(supplier ? { payee: orgRef(supplier) } : {}),
        })),
    },
  };
}

const tags: Record<OcdsStage, string[]> = {
  tender: ["planning", "tender"],
  award: ["award"],
  contract: ["contract"],
  implementation: ["implementation"],
};

/** The release of one stage of a process (or, for `compiled`, the current state of every stage). */
export function presentRelease(process: OcdsProcess, head: OcdsReleaseHead | { compiled: true; id: string; date: Date }, now: Date) {
  const parties = new Parties();
  const buyer = { id: buyerId(process), name: process.call.purchaserName };
  parties.add({ ...buyer, roles: ["buyer", "procuringEntity"] });
  const body: Record<string, unknown> = {};
  const compiled = "compiled" in head;
  if (compiled || head.stage === "tender") {
    Object.assign(body, tenderOf(process, now, parties));
  }
  if (compiled || head.stage === "award") {
    const awards = awardsOf(process, parties);
    if (awards.length > 0) {
      body.awards = awards;
    }
  }
  if (compiled) {
    const contracts = process.contracts.map((contract) => contractOf(process, contract.id, true, now, parties));
    if (contracts.length > 0) {
      body.contracts = contracts;
    }
  } else if ((head.stage === "contract" || head.stage === "implementation") && head.contractId) {
    body.contracts = [contractOf(process, head.contractId, head.stage === "implementation", now, parties)].filter(Boolean);
  }
  if (compiled ? process.payments.length > 0 : "stage" in head && head.stage === "implementation") {
    parties.add({ ...buyer, roles: ["payer"] });
  }
  return {
    ocid: process.call.ocid,
    id: compiled ? head.id : head.releaseId,
    date: head.date.toISOString(),
    tag: compiled ? ["compiled"] : tags[head.stage],
    initiationType: "tender",
    language: "zh",
    parties: parties.list(),
    buyer,
    ...body,
  };
}
