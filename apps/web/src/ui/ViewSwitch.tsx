import { Grid, Segmented, Select, Tabs } from "antd";
import type { ReactNode } from "react";

export type ViewSwitchItem = { key: string; label: string; children?: ReactNode };

type ViewSwitchProps = {
  activeKey: string;
  onChange: (key: string) => void;
  items: readonly ViewSwitchItem[];
  /** What is being switched (the select's accessible name on a phone). */
  label: string;
  className?: string;
};

/**
 * Tabs on a wide screen; on a phone a segmented control (three views or fewer) or a select. AntD's tab
 * bar overflows on a narrow screen into a "more" button inside the tablist, which assistive technology
 * cannot use (axe aria-required-children), and hides the views it moved there.
 */
export function ViewSwitch({ activeKey, onChange, items, label, className }: ViewSwitchProps) {
  const isPhone = !Grid.useBreakpoint().md;
  if (!isPhone) {
    const hasPanels = items.some((item) => item.children !== undefined);
    return (
      <Tabs
        className={className}
        activeKey={activeKey}
        onChange={onChange}
        items={items.map((item) => ({ key: item.key, label: item.label, children: item.children }))}
        destroyOnHidden={hasPanels}
      />
    );
  }
  const options = items.map((item) => ({ value: item.key, label: item.label }));
  return (
    <div className={className}>
      {items.length <= 3 ? (
        <Segmented block value={activeKey} onChange={(key) => onChange(String(key))} options={options} style={{ marginBottom: 16 }} />
      ) : (
        <Select aria-label={label} value={activeKey} onChange={onChange} options={options} style={{ width: "100%", marginBottom: 16 }} />
      )}
      {items.find((item) => item.key === activeKey)?.children}
    </div>
  );
}
