export const Page = "page";
