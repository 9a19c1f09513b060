export const Card = "card";
