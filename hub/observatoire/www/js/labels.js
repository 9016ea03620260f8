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

export const radiationLabels = {
  RADIATION_REASON_ATTRIBUTION: "Attribution (RADATT)",
  RADIATION_REASON_RENUNCIATION: "Renonciation (RADABA)",
  RADIATION_REASON_NO_ANSWER: "Absence de réponse (RADCON)",
  RADIATION_REASON_INADMISSIBILITY: "Irrecevabilité (RADIRR)",
  RADIATION_REASON_NOT_RENEWED: "Non-renouvellement (RADREN)",
  RADIATION_REASON_UNSPECIFIED: "Motif non précisé",
};

/** A seniority bucket [from, to) in months: "moins de 6 mois", "6 à 12 mois", "60 mois et plus". */
export function seniorityLabel(fromMonths, toMonths) {
  if (!toMonths) {
    return `${fromMonths} mois et plus`;
  }
  return fromMonths ? `${fromMonths} à ${toMonths} mois` : `moins de ${toMonths} mois`;
}
