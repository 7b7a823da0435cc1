/**
 * `k8s.io/apimachinery/pkg/util/duration.HumanDuration`, the AGE column of `kubectl get` and the "(lasts …)" of
 * `describe`: seconds up to 2 minutes, minutes and seconds below 10 minutes, minutes below 3 hours, hours and minutes
 * below 8 hours, hours below 2 days, days and hours below 8 days, days below 2 years, years and days below 8 years.
 * Every division truncates toward zero, as Go's integer conversions do.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // "Allow deviation no more than 2 seconds(excluded) to tolerate machine time inconsistence".
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const rest = seconds % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${days}d` : `${days}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const rest = days % 365;
    return rest === 0 ? `${years}y` : `${years}y${rest}d`;
  }
  return `${years}y`;
}
