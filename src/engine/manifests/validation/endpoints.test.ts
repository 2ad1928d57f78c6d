import { describe, expect, it } from "vitest";
import { problems } from "../testutil.ts";

const endpoints = (subsets: unknown) => ({
  apiVersion: "v1",
  kind: "Endpoints",
  metadata: { name: "db" },
  subsets,
});
const slice = (
  fields: Record<string, unknown>,
  labels: Record<string, string> = { "kubernetes.io/service-name": "db" },
) => ({
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "db-1", labels },
  addressType: "IPv4",
  endpoints: [{ addresses: ["192.0.2.10"] }],
  ports: [{ port: 5432 }],
  ...fields,
});

describe("Endpoints validation", () => {
  it("accepts addresses and ports", () => {
    expect(problems([endpoints([{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 5432 }] }])])).toEqual(
      [],
    );
  });

  // validation.go validateEndpointSubsets: addresses or notReadyAddresses
  it("requires addresses or notReadyAddresses in each subset", () => {
    expect(problems([endpoints([{ ports: [{ port: 1 }] }])])).toEqual([
      "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
    ]);
  });

  // validation.go validateEndpointAddress and ValidateNonSpecialIP
  it("requires IP addresses that are not loopback, link-local or unspecified", () => {
    const addresses = [
      { ip: "db.example.com" },
      { ip: "127.0.0.1" },
      { ip: "169.254.169.254" },
      { ip: "fe80::1" },
    ];
    expect(problems([endpoints([{ addresses, ports: [{ port: 1 }] }])])).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "db.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].addresses[2].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'subsets[0].addresses[3].ip: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
  });

  // validation.go validateEndpointPort: names required when several, port in range, protocol
  it("checks ports like a Service's", () => {
    const ports = [{ port: 0 }, { port: 2, protocol: "HTTP" }];
    expect(problems([endpoints([{ addresses: [{ ip: "192.0.2.1" }], ports }])])).toEqual([
      "subsets[0].ports[0].name: Required value",
      "subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      "subsets[0].ports[1].name: Required value",
      'subsets[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
});

describe("EndpointSlice validation", () => {
  it("accepts a labelled IPv4 slice", () => {
    expect(problems([slice({})])).toEqual([]);
  });

  // discovery/validation ValidateEndpointSlice: addressType
  it("knows the address types", () => {
    expect(problems([slice({ addressType: "IP" })])).toEqual([
      'addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });

  // discovery/validation validateEndpoints: addresses valid for the addressType
  it("requires addresses that fit the addressType", () => {
    expect(problems([slice({ endpoints: [{ addresses: ["2001:db8::1"] }] })])).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address',
    ]);
    expect(problems([slice({ addressType: "IPv6", endpoints: [{ addresses: ["2001:db8::1"] }] })])).toEqual(
      [],
    );
    expect(problems([slice({ addressType: "FQDN", endpoints: [{ addresses: ["localhost"] }] })])).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "localhost": should be a domain with at least two segments separated by dots',
    ]);
    expect(problems([slice({ endpoints: [{ addresses: [] }] })])).toEqual([
      "endpoints[0].addresses: Required value: must contain at least 1 address",
    ]);
  });

  // discovery/validation validatePorts: names DNS labels and unique, protocol
  it("checks port names, uniqueness and protocol", () => {
    expect(problems([slice({ ports: [{ port: 1 }, { port: 2 }] })])).toEqual([
      'ports[1].name: Duplicate value: ""',
    ]);
    expect(problems([slice({ ports: [{ name: "My_Port", port: 1 }] })])[0]).toMatch(
      /^ports\[0\].name: Invalid value: "My_Port"/,
    );
  });

  it("warns when the kubernetes.io/service-name label is missing", () => {
    expect(problems([slice({}, {})])).toEqual([
      "warning metadata.labels: no kubernetes.io/service-name label: no Service will use this EndpointSlice (kube-proxy and CoreDNS select slices by that label)",
    ]);
  });
});
