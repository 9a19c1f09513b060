import type { CatalogList } from "@sanshe/contracts/admin-tasks";
import type { Ctx } from "../../../platform/ctx.js";
import { adminTaskCatalog } from "../schema.js";

type DemoItem = { list: CatalogList; title: string; legalBasis: string; department: string | null; description: string };

const organic = "《中华人民共和国城市居民委员会组织法》";
const governance = "中共中央、国务院《关于加强基层治理体系和治理能力现代化建设的意见》（2021）";
const certificates = "中共中央办公厅、国务院办公厅关于规范村（社区）组织工作事务、机制牌子和证明事项的意见（2022）";

/**
 * 金水区's community work catalogue in the demo world: what communities do by law, what they assist
 * departments with, and the negative list of work that must not be put on them. Written for the demo
 * from the usual shape of such 清单; not an official document.
 */
const demoCatalog: DemoItem[] = [
  // 依法履职事项
  {
    list: "statutory",
    title: "居民自治组织建设",
    legalBasis: organic,
    department: "区民政局",
    description: "健全居民委员会及其下属委员会、居民小组，组织居民依法自治。",
  },
  {
    list: "statutory",
    title: "社区居民委员会换届选举",
    legalBasis: organic,
    department: "区民政局",
    description: "依法组织居民委员会成员的选举和罢免、补选。",
  },
  {
    list: "statutory",
    title: "居民会议和居务公开",
    legalBasis: organic,
    department: "区民政局",
    description: "召集居民会议、居民代表会议，公开社区重要事项和财务收支。",
  },
  {
    list: "statutory",
    title: "社区矛盾纠纷调解",
    legalBasis: "《中华人民共和国人民调解法》",
    department: "区司法局",
    description: "社区人民调解委员会调解居民之间的婚姻家庭、邻里、物业等民间纠纷。",
  },
  {
    list: "statutory",
    title: "社区治安防范和群防群治",
    legalBasis: organic,
    department: "区公安分局",
    description: "组织居民开展治安巡逻、邻里守望，及时报告治安隐患。",
  },
  {
    list: "statutory",
    title: "公共卫生和爱国卫生动员",
    legalBasis: "《中华人民共和国基本医疗卫生与健康促进法》",
    department: "区卫生健康委",
    description: "动员居民参与环境整治、健康宣传和突发公共卫生事件的群防群控。",
  },
  {
    list: "statutory",
    title: "居民公约制定和修订",
    legalBasis: organic,
    department: "区民政局",
    description: "组织居民讨论制定、修订居民公约并监督执行。",
  },
  {
    list: "statutory",
    title: "社区志愿服务组织",
    legalBasis: "《志愿服务条例》",
    department: "区民政局",
    description: "招募、登记和组织社区志愿者，记录志愿服务时长。",
  },
  {
    list: "statutory",
    title: "困难群众和特殊人群关爱走访",
    legalBasis: `${organic}；《社会救助暂行办法》`,
    department: "区民政局",
    description: "定期走访独居、空巢、留守老人和困境儿童，发现需求及时转介。",
  },
  {
    list: "statutory",
    title: "业主委员会和物业服务监督指导",
    legalBasis: "《中华人民共和国民法典》物权编；《物业管理条例》",
    department: "区住房和城乡建设局",
    description: "指导业主大会、业主委员会依法履职，协调物业服务纠纷。",
  },
  // 依法协助事项
  {
    list: "assisted",
    title: "城乡居民医保参保登记协助",
    legalBasis: "《中华人民共和国社会保险法》",
    department: "区医疗保障局",
    description: "宣传参保政策，协助未参保居民办理城乡居民基本医疗保险登记。",
  },
  {
    list: "assisted",
    title: "计划生育服务协助",
    legalBasis: "《中华人民共和国人口与计划生育法》",
    department: "区卫生健康委",
    description: "协助开展生育登记、优生优育宣传和计划生育特殊家庭帮扶。",
  },
  {
    list: "assisted",
    title: "最低生活保障申请受理协助",
    legalBasis: "《社会救助暂行办法》",
    department: "区民政局",
    description: "协助受理低保、特困供养申请，配合入户调查和民主评议公示。",
  },
  {
    list: "assisted",
    title: "残疾人证办理和康复服务协助",
    legalBasis: "《中华人民共和国残疾人保障法》",
    department: "区残疾人联合会",
    description: "协助残疾人办理残疾人证，转介康复和辅具适配服务。",
  },
  {
    list: "assisted",
    title: "退役军人服务保障协助",
    legalBasis: "《中华人民共和国退役军人保障法》",
    department: "区退役军人事务局",
    description: "协助信息采集、走访慰问和优待证办理。",
  },
  {
    list: "assisted",
    title: "就业困难人员登记和就业援助协助",
    legalBasis: "《中华人民共和国就业促进法》",
    department: "区人力资源和社会保障局",
    description: "协助登记失业和就业困难人员，推送岗位和培训信息。",
  },
  {
    list: "assisted",
    title: "统计调查和人口普查协助",
    legalBasis: "《中华人民共和国统计法》",
    department: "区统计局",
    description: "在普查、抽样调查期间协助入户登记，不承担常规报表填报。",
  },
  {
    list: "assisted",
    title: "兵役登记和征兵宣传协助",
    legalBasis: "《中华人民共和国兵役法》",
    department: "区人民武装部",
    description: "协助适龄青年兵役登记和征兵政策宣传。",
  },
  {
    list: "assisted",
    title: "居住登记和居住证办理协助",
    legalBasis: "《居住证暂行条例》",
    department: "区公安分局",
    description: "协助流动人口居住登记，代为告知居住证申领要求。",
  },
  {
    list: "assisted",
    title: "高龄津贴申领协助",
    legalBasis: "《中华人民共和国老年人权益保障法》",
    department: "区民政局",
    description: "协助符合条件的高龄老人申领津贴并做年度资格认证。",
  },
  // 负面清单：不应由社区承担
  {
    list: "negative",
    title: "出具无法核实的证明",
    legalBasis: certificates,
    department: null,
    description: "不出具无犯罪记录、亲属关系、婚姻状况、居住时长等社区无法核实或无法定依据的证明。",
  },
  {
    list: "negative",
    title: "招商引资任务",
    legalBasis: governance,
    department: null,
    description: "社区不承担招商引资、项目落地等经济发展指标。",
  },
  {
    list: "negative",
    title: "房屋征收和拆迁",
    legalBasis: "《国有土地上房屋征收与补偿条例》",
    department: null,
    description: "房屋征收由政府确定的征收部门实施，社区不作为征收实施单位。",
  },
  {
    list: "negative",
    title: "城市管理行政执法",
    legalBasis: "《中华人民共和国行政处罚法》",
    department: null,
    description: "社区不是行政执法主体，不承担占道经营、违规广告等执法任务。",
  },
  {
    list: "negative",
    title: "违法建设查处",
    legalBasis: "《中华人民共和国城乡规划法》",
    department: null,
    description: "违法建设的认定和查处由主管部门负责，社区仅可报告线索。",
  },
  {
    list: "negative",
    title: "安全生产和消防监督检查",
    legalBasis: "《中华人民共和国安全生产法》；《中华人民共和国消防法》",
    department: null,
    description: "社区不承担对生产经营单位的监督检查和执法责任。",
  },
  {
    list: "negative",
    title: "税费征收和协税护税指标",
    legalBasis: "《中华人民共和国税收征收管理法》",
    department: null,
    description: "社区不承担税费征收任务和协税护税考核指标。",
  },
  {
    list: "negative",
    title: "各类创建达标和考核排名",
    legalBasis: governance,
    department: null,
    description: "未经准入的创建示范、达标评比、排名通报不得以社区为责任主体。",
  },
];

/** Loads 金水区's demo catalogue (idempotent: an item already listed is left as it is). */
export async function seedCatalogDemo(ctx: Ctx): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .insert(adminTaskCatalog)
    .values(
      demoCatalog.map((item) => ({
        areaCode: "410105",
        list: item.list,
        title: item.title,
        legalBasis: item.legalBasis,
        departmentName: item.department,
        description: item.description,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}
