// Validates the deployment files offline:
//  - every Kubernetes object of `kubectl kustomize deploy/kubernetes` (read from stdin, or the
//    files themselves when stdin is a terminal) against the API schemas of kubernetes-models;
//  - CloudNativePG objects only for their shape (no schema of that operator is packaged for npm);
//  - deploy/compose.yaml parsed, with the services, images or builds and ports it must have.
// Exit code 1 on the first file with errors, after printing all of them.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";

const deploy = join(dirname(fileURLToPath(import.meta.url)), "..");
const errors = [];
let checked = 0;

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return undefined;
  }
}

function checkCloudNativePg(object, where) {
  const spec = object.spec ?? {};
  if (object.kind === "Cluster") {
    if (!(spec.instances >= 1)) errors.push(`${where}: spec.instances must be at least 1`);
    if (!spec.storage?.size) errors.push(`${where}: spec.storage.size is required`);
    if (!spec.backup?.barmanObjectStore?.destinationPath) errors.push(`${where}: spec.backup.barmanObjectStore.destinationPath is required`);
  } else if (object.kind === "ScheduledBackup") {
    if (!spec.cluster?.name) errors.push(`${where}: spec.cluster.name is required`);
    if ((spec.schedule ?? "").trim().split(/\s+/).length !== 6) errors.push(`${where}: spec.schedule has six fields (seconds first)`);
  } else {
    errors.push(`${where}: unexpected CloudNativePG kind ${object.kind}`);
  }
}

async function checkKubernetes(text, source) {
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length) {
      errors.push(`${source}: ${document.errors.map(String).join("; ")}`);
      continue;
    }
    const object = document.toJSON();
    if (!object) continue;
    const where = `${source}: ${object.kind}/${object.metadata?.name}`;
    checked++;
    if (object.apiVersion?.startsWith("postgresql.cnpg.io/")) {
      checkCloudNativePg(object, where);
      continue;
    }
    if (object.apiVersion?.startsWith("kustomize.config.k8s.io/")) continue;
    const Model = await modelOf(object.apiVersion, object.kind);
    if (!Model) {
      errors.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${where}: ${error.message}`);
    }
  }
}

function checkCompose() {
  const compose = parse(readFileSync(join(deploy, "compose.yaml"), "utf8"));
  checked++;
  for (const name of ["postgres", "hub"]) {
    const service = compose.services?.[name];
    if (!service) errors.push(`compose.yaml: service ${name} missing`);
    else if (!service.image && !service.build) errors.push(`compose.yaml: service ${name} has neither image nor build`);
  }
  const hub = compose.services?.hub ?? {};
  if (hub.depends_on?.postgres?.condition !== "service_healthy") errors.push("compose.yaml: hub must wait for a healthy postgres");
  if (!Object.keys(hub.environment ?? {}).includes("ConnectionStrings__Interop")) errors.push("compose.yaml: hub needs ConnectionStrings__Interop");
}

const stdin = process.stdin.isTTY ? "" : readFileSync(0, "utf8");
if (stdin.trim()) {
  await checkKubernetes(stdin, "kustomize output");
} else {
  const folder = join(deploy, "kubernetes");
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml"))) {
    await checkKubernetes(readFileSync(join(folder, file), "utf8"), `kubernetes/${file}`);
  }
}
checkCompose();

for (const error of errors) console.error(error);
console.log(`${checked} objects checked, ${errors.length} errors`);
process.exit(errors.length ? 1 : 0);
