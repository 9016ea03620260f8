// French labels of the contract's enum values.

export const typologyLabels = {
  NEEDED_TYPOLOGY_T1_OR_T2: "T1 ou T2",
  NEEDED_TYPOLOGY_T2: "T2",
  NEEDED_TYPOLOGY_T3: "T3",
  NEEDED_TYPOLOGY_T4: "T4",
  NEEDED_TYPOLOGY_T5: "T5",
  NEEDED_TYPOLOGY_T6_PLUS: "T6 et plus",
};

export const levelLabels = {
  TERRITORY_LEVEL_COMMUNE: "Commune",
  TERRITORY_LEVEL_EPCI: "EPCI",
  TERRITORY_LEVEL_DEPARTEMENT: "Département",
  TERRITORY_LEVEL_FILE: "Fichier entier",
};
