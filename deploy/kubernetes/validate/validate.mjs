#!/usr/bin/env node
// Validates rendered Kubernetes manifests (the output of `kubectl kustomize`, on standard input or in the files named)
// against the Kubernetes API, with nothing downloaded:
//   1. each object against its kind's JSON schema (kubernetes-models: ajv validators generated from the API's OpenAPI
//      schemas): types, required fields, enums, quantities, int-or-string;
//   2. every field name, strictly: those schemas allow unknown fields (as the API server's lenient decoding does), so a
//      misspelt one ("readinessprobe", "requests" one level too high) would pass; each object is walked along the field
//      lists of @kubernetes/client-node's generated models, and a field they do not list is an error. Those models are
//      generated from one Kubernetes release alone, so a kind or version that release does not serve is an error too.
// Prints one JSON document: {"kubernetesVersion", "objects": [{"apiVersion", "kind", "name"}], "problems": [...]};
// exits 1 when there is a problem, 2 when the input cannot be read.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as models from "@kubernetes/client-node/dist/gen/models/all.js";

// The release both packages are generated from: client-node 2.0.1's models say "OpenAPI spec version: release-1.36",
// and kubernetes-models 5.x updated its schemas to Kubernetes v1.36.0.
const KUBERNETES_VERSION = "1.36";

const inputs = process.argv.slice(2);
let text;
try {
  text = inputs.length === 0 ? readFileSync(0, "utf8") : inputs.map((file) => readFileSync(file, "utf8")).join("\n---\n");
} catch (error) {
  console.error(`validate: cannot read the manifests: ${error.message}`);
  process.exit(2);
}

const problems = [];
const objects = [];
const documents = parseAllDocuments(text);
for (const document of documents) {
  if (document.errors.length > 0) {
    for (const error of document.errors) problems.push({ object: "(yaml)", path: "", message: error.message });
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  objects.push({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata?.name });
  for (const problem of await validate(object)) problems.push({ object: name, ...problem });
}

console.log(JSON.stringify({ kubernetesVersion: KUBERNETES_VERSION, objects, problems }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);

async function validate(object) {
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    return [{ path: "", message: "an object needs apiVersion and kind" }];
  }
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const found = [];

  // 1. The kind's JSON schema. kubernetes-models lays its classes out as <group>/<version>/<Kind> (the core group as v1).
  const modulePath = `kubernetes-models/${group === "" ? "" : `${group}/`}${version}/${object.kind}`;
  let modelClass;
  try {
    modelClass = (await import(modulePath))[object.kind];
  } catch {
    modelClass = undefined;
  }
  if (typeof modelClass !== "function") {
    found.push({ path: "", message: `no JSON schema for ${object.apiVersion} ${object.kind} in kubernetes-models` });
  } else {
    try {
      new modelClass(object).validate();
    } catch (error) {
      for (const e of error.errors ?? [{ instancePath: "", message: error.message }]) {
        // A oneOf failure repeats what its branches said already (quantity: "must be number", "must match format").
        if (e.keyword === "oneOf") continue;
        found.push({ path: e.instancePath ?? "", message: `${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}` });
      }
    }
  }

  // 2. Field names, against the models of the one release. client-node names a model <Version><Kind>
  // (V1Deployment, V2HorizontalPodAutoscaler), or <Group><Version><Kind> where two groups share a kind (CoreV1Event).
  const versionName = version.charAt(0).toUpperCase() + version.slice(1);
  const groupName = (group === "" ? "core" : group.split(".")[0]).replace(/^./, (c) => c.toUpperCase());
  const modelName = [`${versionName}${object.kind}`, `${groupName}${versionName}${object.kind}`].find((n) => n in models);
  if (modelName === undefined) {
    found.push({ path: "", message: `${object.apiVersion} ${object.kind} is not served by Kubernetes ${KUBERNETES_VERSION}` });
  } else {
    walk(object, modelName, "", found);
  }
  return found;
}

function walk(value, type, path, found) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, array[1], `${path}/${index}`, found));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (isObject(value)) for (const [key, item] of Object.entries(value)) walk(item, map[1], `${path}/${key}`, found);
    return;
  }
  const model = models[type];
  // Strings, numbers, int-or-string, dates and free-form values: their values are the schema validator's to judge.
  if (typeof model?.getAttributeTypeMap !== "function" || !isObject(value)) return;
  const fields = new Map(model.getAttributeTypeMap().map((attribute) => [attribute.baseName, attribute.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      found.push({ path: `${path}/${key}`, message: `no field "${key}" in ${type} (Kubernetes ${KUBERNETES_VERSION})` });
    } else {
      walk(item, fields.get(key), `${path}/${key}`, found);
    }
  }
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
