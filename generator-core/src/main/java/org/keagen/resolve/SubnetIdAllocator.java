package org.keagen.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;

/**
 * Gives every subnet a Kea subnet id that never moves to another subnet between runs:
 * <ol>
 *   <li>an explicit id from the source of truth wins;
 *   <li>else the id the existing output file gave the same CIDR;
 *   <li>else an id derived from the network address itself (10.1.2.0/24 gets 167838208), so that
 *       adding or removing other subnets never changes it; when that id is taken (the same network
 *       with another length, or an id in use), the next free id upward.
 * </ol>
 * An id the previous file gave another CIDR is never handed to a new subnet, even when that CIDR
 * is gone: its leases would otherwise move to the wrong subnet.
 */
final class SubnetIdAllocator {
  static final long MIN_ID = 1;
  static final long MAX_ID = 4_294_967_294L;

  /** A subnet that needs an id. {@code network} is the unsigned network address. */
  record Request(String cidr, long network, int length, Long explicitId, String origin) {}

  private SubnetIdAllocator() {}

  /** Ids by CIDR for every request; reports invalid and duplicate explicit ids. */
  static Map<String, Long> assign(List<Request> requests, SubnetIdHistory history, Consumer<Diagnostic> report) {
    Map<String, Long> assigned = new TreeMap<>();
    Map<Long, String> owner = new HashMap<>();
    Map<Long, String> previousOwner = new HashMap<>();
    history.asMap().forEach((cidr, id) -> previousOwner.put(id, cidr));

    for (Request r : requests) {
      if (r.explicitId() == null) {
        continue;
      }
      long id = r.explicitId();
      if (id < MIN_ID || id > MAX_ID) {
        report.accept(Diagnostic.error(DiagnosticCode.SUBNET_ID_INVALID, r.origin(),
            "subnet id " + id + " is outside Kea's range " + MIN_ID + ".." + MAX_ID,
            "set the subnet id field to a number in that range, or clear it to let keagen choose"));
        continue;
      }
      String other = owner.putIfAbsent(id, r.cidr());
      if (other != null) {
        report.accept(Diagnostic.error(DiagnosticCode.SUBNET_ID_DUPLICATE, r.origin(),
            "subnet id " + id + " is also set on " + other, "give each subnet its own id"));
        continue;
      }
      String before = previousOwner.get(id);
      if (before != null && !before.equals(r.cidr())) {
        report.accept(Diagnostic.warning(DiagnosticCode.SUBNET_ID_REASSIGNED, r.origin(),
            "explicit subnet id " + id + " belonged to " + before + " in the existing output file; Kea"
                + " will treat that subnet's leases as this subnet's",
            "keep the id with its old subnet unless moving its leases is intended"));
      }
      assigned.put(r.cidr(), id);
    }

    Set<Long> reserved = new HashSet<>(previousOwner.keySet());
    reserved.addAll(owner.keySet());
    List<Request> fresh = new ArrayList<>();
    for (Request r : requests) {
      if (r.explicitId() != null) {
        continue;
      }
      Long previous = history.idOf(r.cidr());
      if (previous != null && previous >= MIN_ID && previous <= MAX_ID && !owner.containsKey(previous)) {
        owner.put(previous, r.cidr());
        assigned.put(r.cidr(), previous);
      } else {
        fresh.add(r);
      }
    }
    fresh.sort(Comparator.comparingLong(Request::network).thenComparingInt(Request::length));
    for (Request r : fresh) {
      long id = Math.max(MIN_ID, Math.min(r.network(), MAX_ID));
      while (reserved.contains(id) || owner.containsKey(id)) {
        id = id >= MAX_ID ? MIN_ID : id + 1;
      }
      owner.put(id, r.cidr());
      assigned.put(r.cidr(), id);
    }
    return assigned;
  }
}
