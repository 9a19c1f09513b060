import type { Role } from "@sanshe/contracts";
import { Col, Form, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_ROLES, ROLES, useRoleLabel } from "../../auth";
import { AreaCodeInput } from "../../jurisdictions";
import { OrganizationSelect } from "./OrganizationSelect";

type MembershipFieldsProps = {
  /** Name prefix of the fields as Form.Item sees it (inside a Form.List: the field's name). */
  prefix: (string | number)[];
  /** The same fields' absolute path in the form, to watch the chosen role. */
  absolutePrefix: (string | number)[];
};

/**
 * Role, area code (typed or picked) and, for org staff and social workers, the organization; for
 * department staff, the government department (whose jurisdiction the scope must be).
 */
export function MembershipFields({ prefix, absolutePrefix }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const role = Form.useWatch<Role | undefined>([...absolutePrefix, "role"]);
  const isDepartment = role === "department";
  const needsOrganization = role !== undefined && (ORGANIZATION_ROLES.includes(role) || isDepartment);

  return (
    <Row gutter={12}>
      <Col xs={24} md={needsOrganization ? 7 : 10}>
        <Form.Item
          name={[...prefix, "role"]}
          label={t("users.membership.role")}
          rules={[{ required: true, message: t("users.membership.roleRequired") }]}
        >
          <Select
            placeholder={t("users.membership.rolePlaceholder")}
            options={ROLES.map((value) => ({ value, label: roleLabel(value) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={needsOrganization ? 9 : 14}>
        <Form.Item
          name={[...prefix, "area_code"]}
          label={t("users.membership.area")}
          extra={role === "official" ? t("users.membership.officialHint") : undefined}
          rules={[
            { required: true, message: t("users.membership.areaRequired") },
            { pattern: /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, message: t("users.membership.areaFormat") },
          ]}
        >
          <AreaCodeInput />
        </Form.Item>
      </Col>
      {needsOrganization ? (
        <Col xs={24} md={8}>
          <Form.Item
            name={[...prefix, "organization_id"]}
            label={t(isDepartment ? "users.membership.department" : "users.membership.organization")}
            extra={isDepartment ? t("users.membership.departmentHint") : undefined}
            rules={[
              {
                required: true,
                message: t(isDepartment ? "users.membership.departmentRequired" : "users.membership.organizationRequired"),
              },
            ]}
          >
            <OrganizationSelect kind={isDepartment ? "departments" : "organizations"} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
