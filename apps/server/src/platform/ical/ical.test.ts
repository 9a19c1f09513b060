import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { escapeText, foldLine, renderCalendar } from "./index.js";

const long = "关于开展社区居家养老服务需求调查的通知：请各社区在本周内入户走访独居老人，登记助餐、助浴、助医需求；".repeat(4);

const feed = renderCalendar({
  name: "南阳新村街道",
  stamp: new Date("2026-03-01T00:00:00Z"),
  events: [
    {
      uid: "meeting-1@sanshe",
      summary: long,
      description: "议程：一、需求清单\n二、项目进展, 含; 反斜杠\\",
      location: "丰乐社区党群服务中心",
      url: "https://sanshe.example/meetings/1",
      start: new Date("2026-03-02T02:00:00Z"),
      end: new Date("2026-03-02T03:30:00Z"),
    },
    { uid: "due-1@sanshe", summary: "督办事项到期", date: "2026-03-05", allDay: true },
  ],
});

describe(renderCalendar.name, () => {
  it("uses CRLF only and folds every physical line to at most 75 octets of valid UTF-8", () => {
    expect(feed.endsWith("\r\n")).toBe(true);
    expect(feed.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(feed, "utf8");
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i += 1) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => new TextDecoder("utf-8", { fatal: true }).decode(line)).not.toThrow();
        start = i + 2;
      }
    }
    expect(feed).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD");
    expect(feed).toContain("TZOFFSETTO:+0800");
    expect(feed).toContain("DTSTART;TZID=Asia/Shanghai:20260302T100000");
  });

  it("is parsed by ical.js and node-ical to the same instants and text", () => {
    const component = new ICAL.Component(ICAL.parse(feed));
    for (const zone of component.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(zone);
    }
    const events = component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const meeting = events.find((event) => event.uid === "meeting-1@sanshe");
    expect(meeting?.summary).toBe(long);
    expect(meeting?.description).toBe("议程：一、需求清单\n二、项目进展, 含; 反斜杠\\");
    expect(meeting?.startDate.toJSDate().toISOString()).toBe("2026-03-02T02:00:00.000Z");
    expect(meeting?.endDate.toJSDate().toISOString()).toBe("2026-03-02T03:30:00.000Z");
    const due = events.find((event) => event.uid === "due-1@sanshe");
    expect(due?.startDate.isDate).toBe(true);
    expect(due?.startDate.toString()).toBe("2026-03-05");

    const parsed = nodeIcal.sync.parseICS(feed);
    const nodeMeeting = parsed["meeting-1@sanshe"];
    expect(nodeMeeting?.type).toBe("VEVENT");
    if (nodeMeeting?.type === "VEVENT") {
      expect(nodeMeeting.start.toISOString()).toBe("2026-03-02T02:00:00.000Z");
      expect(nodeMeeting.end?.toISOString()).toBe("2026-03-02T03:30:00.000Z");
      expect(nodeMeeting.summary).toEqual(long);
      expect(nodeMeeting.location).toBe("丰乐社区党群服务中心");
    }
    const nodeDue = parsed["due-1@sanshe"];
    if (nodeDue?.type === "VEVENT") {
      expect(nodeDue.datetype).toBe("date");
    }
  });
});

describe(escapeText.name, () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
});

describe(foldLine.name, () => {
  it("never splits a four-byte character", () => {
    const folded = foldLine(`SUMMARY:${"𠮷".repeat(40)}`);
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"𠮷".repeat(40)}`);
  });
});
