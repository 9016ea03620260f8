// Calls to the hub's HTTP/JSON door with the caller's API key, on the page's own origin.
// A refusal arrives as a google.rpc.Status: its code decides the French message shown.

const messages = {
  3: "Demande invalide",
  5: "Introuvable",
  7: "Cette clé ne donne pas accès à ce territoire",
  8: "Trop de demandes : réessayez dans un instant",
  9: "Demande impossible en l'état",
  14: "Le hub est indisponible : réessayez plus tard",
  16: "Clé d'API refusée : vérifiez-la ou demandez-en une à l'administrateur du fichier",
};

export class HubError extends Error {
  constructor(httpStatus, status) {
    const code = status?.code ?? 0;
    const violations = (status?.details ?? [])
      .flatMap((detail) => detail.fieldViolations ?? [])
      .map((violation) => `${violation.field} : ${violation.description}`);
    const base = messages[code] ?? `Erreur du hub (HTTP ${httpStatus})`;
    const detail = violations.length > 0 ? violations.join(" ; ") : status?.message;
    super(detail && code !== 16 ? `${base} — ${detail}` : base);
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

function urlOf(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== "") {
        url.searchParams.append(name, String(one));
      }
    }
  }
  return url;
}

async function call(path, params, key, accept) {
  let response;
  try {
    response = await fetch(urlOf(path, params), {
      headers: { authorization: `Bearer ${key}`, accept },
      cache: "no-store",
    });
  } catch {
    throw new HubError(0, { code: 14 });
  }
  if (!response.ok) {
    let status = null;
    try {
      status = await response.json();
    } catch {
      status = { code: response.status === 401 ? 16 : response.status === 403 ? 7 : 0 };
    }
    throw new HubError(response.status, status);
  }
  return response;
}

export async function getJson(path, params, key) {
  return (await call(path, params, key, "application/json")).json();
}

export async function getText(path, params, key) {
  return (await call(path, params, key, "text/csv")).text();
}
