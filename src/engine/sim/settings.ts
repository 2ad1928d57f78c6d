/**
 * The timings of a simulation, in seconds. Each stands for a real default, named beside it; a
 * Scenario's spec.settings overrides any of them.
 */
export interface SimulationSettings {
  /**
   * kube-controller-manager --node-monitor-grace-period (50s since Kubernetes 1.32, kubernetes PR
   * #126287; 40s before): how long a silent node stays Ready before the node lifecycle controller
   * marks it NotReady (Ready Unknown).
   */
  nodeMonitorGracePeriod: number;
  /**
   * kube-apiserver --default-unreachable-toleration-seconds (300): the tolerationSeconds the
   * DefaultTolerationSeconds admission plugin gives every pod for node.kubernetes.io/unreachable,
   * counted from the moment the node is tainted (when it goes NotReady).
   */
  podEvictionTimeout: number;
  /**
   * kube-proxy --iptables-min-sync-period (1s): how long after an EndpointSlice change kube-proxy
   * has rewritten the rules on every node.
   */
  kubeProxySyncPeriod: number;
  /** A cloud load balancer's health check of each node (GCP's defaults for Service load balancers). */
  loadBalancerHealthCheck: HealthCheckSettings;
}

export interface HealthCheckSettings {
  /** checkIntervalSec (8). */
  interval: number;
  /** timeoutSec (1): a probe nobody answers fails this long after it was sent. */
  timeout: number;
  /** unhealthyThreshold (3): consecutive failures that take a node out of the backend pool. */
  unhealthyThreshold: number;
  /** healthyThreshold (1): consecutive successes that put it back. */
  healthyThreshold: number;
}

/**
 * cloud-provider-gcp gce_loadbalancer_external.go (and ingress-gce's L4 health checks):
 * gceHcCheckIntervalSeconds 8, gceHcTimeoutSeconds 1, gceHcHealthyThreshold 1,
 * gceHcUnhealthyThreshold 3 ("3 * 8 = 24 seconds before the LB will steer traffic away").
 */
export const defaultSimulationSettings: Readonly<SimulationSettings> = Object.freeze({
  // kubernetes PR #126287 (1.32) raised it from 40s, longer than the kubelet's lease renewals' retries.
  nodeMonitorGracePeriod: 50,
  podEvictionTimeout: 300,
  kubeProxySyncPeriod: 1,
  loadBalancerHealthCheck: Object.freeze({
    interval: 8,
    timeout: 1,
    unhealthyThreshold: 3,
    healthyThreshold: 1,
  }),
});

/**
 * AWS's Network Load Balancer as the AWS Load Balancer Controller creates it for a Service (its
 * documented defaults of the service.beta.kubernetes.io/aws-load-balancer-healthcheck-* annotations):
 * every 10 s, a 10 s timeout, 3 failures to leave the pool and 3 successes to come back.
 */
export const AWS_NLB_HEALTH_CHECK: Readonly<HealthCheckSettings> = Object.freeze({
  interval: 10,
  timeout: 10,
  unhealthyThreshold: 3,
  healthyThreshold: 3,
});

/**
 * cloud-provider-kind's Envoy (pkg/loadbalancer/proxy.go's config template: health_checks timeout 5s,
 * interval 3s, unhealthy_threshold 3, healthy_threshold 1, /healthz on kube-proxy's port or the
 * healthCheckNodePort). Fixed by the template, not by the Scenario's settings, which describe a cloud's.
 * Envoy checks each host in turn: the next check starts `interval` after the last one ended (its answer,
 * or its timeout), so a silent node costs interval + timeout per failed check.
 */
export const KIND_ENVOY_HEALTH_CHECK: Readonly<HealthCheckSettings> = Object.freeze({
  interval: 3,
  timeout: 5,
  unhealthyThreshold: 3,
  healthyThreshold: 1,
});

export type SimulationSettingsOverrides = Partial<Omit<SimulationSettings, "loadBalancerHealthCheck">> & {
  loadBalancerHealthCheck?: Partial<HealthCheckSettings>;
};

export function resolveSimulationSettings(overrides: SimulationSettingsOverrides = {}): SimulationSettings {
  return {
    ...defaultSimulationSettings,
    ...overrides,
    loadBalancerHealthCheck: {
      ...defaultSimulationSettings.loadBalancerHealthCheck,
      ...overrides.loadBalancerHealthCheck,
    },
  };
}
