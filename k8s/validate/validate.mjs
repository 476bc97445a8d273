// Validates Kubernetes objects (multi-document YAML files, or stdin with "-") against schemas:
// built-in kinds, KEDA and prometheus-operator kinds through the kubernetes-models packages' validate();
// the CloudNativePG and Strimzi kinds through their published CRD schemas (crds/, see import-crd.mjs) with Ajv,
// where, as `kubectl apply --validate=strict` does, a field the schema does not name is an error.
// Exits 1 when any object is invalid or of a kind no schema covers.
import { readFileSync, readdirSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import { formats } from "@kubernetes-models/validate";
import * as core from "kubernetes-models";
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import * as keda from "@kubernetes-models/keda";
import * as monitoring from "@kubernetes-models/prometheus-operator";

const crdDir = new URL("./crds/", import.meta.url);

function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, strict(v)]));
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  return copy;
}

function crdValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true, formats });
  const byType = new Map();
  for (const file of readdirSync(crdDir).filter((f) => f.endsWith(".json"))) {
    const crd = JSON.parse(readFileSync(new URL(file, crdDir), "utf8"));
    // The API server, not the CRD, owns metadata: validate it as ObjectMeta below.
    const schema = strict(crd.schema);
    const validate = ajv.compile({ ...schema, properties: { ...schema.properties, metadata: { type: "object" } } });
    byType.set(`${crd.apiVersion}/${crd.kind}`, (object) => {
      new ObjectMeta(object.metadata).validate();
      if (!validate(object)) {
        throw new Error(validate.errors.map((e) => `data${e.instancePath} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`).join(", "));
      }
    });
  }
  return byType;
}

// The packages export one namespace per API group and version, each holding its kinds' model classes.
function modelValidators(namespace, byType = new Map()) {
  for (const value of Object.values(namespace)) {
    if (typeof value === "function" && value.apiVersion && value.kind) {
      byType.set(`${value.apiVersion}/${value.kind}`, (object) => new value(object).validate());
    } else if (value && typeof value === "object") {
      modelValidators(value, byType);
    }
  }
  return byType;
}

const validators = new Map([...modelValidators({ core, keda, monitoring }), ...crdValidators()]);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs <file.yaml|-> ...");
  process.exit(2);
}

let objects = 0;
let failures = 0;
for (const file of files) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      console.error(`${file}: not YAML: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    objects++;
    const name = `${file}: ${object.apiVersion}/${object.kind} ${object.metadata?.name ?? "(no name)"}`;
    const validate = validators.get(`${object.apiVersion}/${object.kind}`);
    if (!validate) {
      console.error(`${name}: no schema for this kind`);
      failures++;
      continue;
    }
    try {
      if (!object.metadata?.name) throw new Error("data/metadata must have required property name");
      validate(object);
    } catch (error) {
      console.error(`${name}: ${error.message}`);
      failures++;
    }
  }
}

console.log(`k8s objects: ${objects} validated, ${failures} invalid`);
process.exit(failures === 0 && objects > 0 ? 0 : 1);
