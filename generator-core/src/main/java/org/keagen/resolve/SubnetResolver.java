package org.keagen.resolve;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.keagen.concurrent.Background;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.Identifier;
import org.keagen.plan.OptionData;
import org.keagen.snapshot.Address;
import org.keagen.snapshot.AddressList;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.JsonObject;
import org.keagen.template.SandboxedTemplates;
import org.keagen.template.TemplateOutcome;

/**
 * Resolves each located subnet on its own: its reserved addresses become reservations, its
 * devices' contexts add options and parameters, and its reservations get a place. Subnets share
 * nothing but read-only facts, so they are resolved on every core, and each subnet's findings are
 * reported in subnet order whatever core found them.
 */
final class SubnetResolver {
  /** Where a subnet's address reservations go. */
  enum Placement { GLOBAL, IN_SUBNET, NONE }

  /** One subnet's findings and placement. */
  record Outcome(List<Diagnostic> diagnostics, Placement placement) {}

  private final Map<String, Device> devices;
  private final OptionDefinitions optionDefinitions;
  private final AddressList poolAddresses;
  /** Config contexts read so far by any worker, by context object (identity), interface name and role. */
  private final Map<ContextKey, ContextOptions> contextsRead;
  /**
   * Rendered option templates that name no device variable, by text and ZTP server; a successful
   * render only (a failure is reported for each device).
   */
  private final Map<String, String> sharedRenders = new HashMap<>();
  /** The findings of the subnet being resolved. */
  private List<Diagnostic> diagnostics;

  private SubnetResolver(Map<String, Device> devices, OptionDefinitions optionDefinitions, AddressList poolAddresses,
      Map<ContextKey, ContextOptions> contextsRead) {
    this.devices = devices;
    this.optionDefinitions = optionDefinitions;
    this.poolAddresses = poolAddresses;
    this.contextsRead = contextsRead;
  }

  /** A config context (the object itself, not an equal one), an interface name and a role. */
  private record ContextKey(JsonObject context, String name, String role) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ContextKey that && context == that.context && name.equals(that.name)
          && Objects.equals(role, that.role);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(context) * 31 + name.hashCode()) * 31 + Objects.hashCode(role);
    }
  }

  /**
   * Resolves every draft, in draft order of outcomes; {@code devices} by id, {@code poolAddresses}
   * the snapshot's list that the drafts' pool positions point into. Workers take the next draft
   * in turn, so a few large subnets do not leave a core idle.
   */
  static List<Outcome> resolveAll(List<SubnetDraft> drafts, Map<String, Device> devices,
      OptionDefinitions optionDefinitions, AddressList poolAddresses) {
    Outcome[] outcomes = new Outcome[drafts.size()];
    AtomicInteger next = new AtomicInteger();
    Map<ContextKey, ContextOptions> contextsRead = new ConcurrentHashMap<>();
    Runnable worker = () -> {
      SubnetResolver resolver = new SubnetResolver(devices, optionDefinitions, poolAddresses, contextsRead);
      for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
        outcomes[i] = resolver.resolve(drafts.get(i));
      }
    };
    int helpers = Math.min(Runtime.getRuntime().availableProcessors(), outcomes.length) - 1;
    List<Background<Void>> started = new ArrayList<>();
    for (int i = 0; i < helpers; i++) {
      started.add(Background.start("resolve-" + (i + 1), () -> {
        worker.run();
        return null;
      }));
    }
    worker.run();
    started.forEach(Background::join);
    return List.of(outcomes);
  }

  private Outcome resolve(SubnetDraft draft) {
    diagnostics = new ArrayList<>();
    resolveAddresses(draft);
    Placement placement = placement(draft);
    return new Outcome(diagnostics, placement);
  }

  private void resolveAddresses(SubnetDraft draft) {
    long gateway = draft.gateway.longValue();
    if (draft.pool.contains(gateway)) {
      error(DiagnosticCode.GATEWAY_IN_POOL, draft.label,
          "its gateway " + draft.gateway + " is tagged as a pool address; clients would be leased the router's address",
          "remove the pool tag from " + draft.gateway);
      draft.pool.remove(gateway);
    }
    if (draft.reserved.containsKey(gateway)) {
      error(DiagnosticCode.GATEWAY_RESERVED, draft.label,
          "its gateway " + draft.gateway + " is tagged for reservation",
          "remove the reserve tag from " + draft.gateway);
      draft.reserved.remove(gateway);
    }
    for (Long overlap : new TreeSet<>(draft.reserved.keySet())) {
      if (draft.pool.contains(overlap)) {
        warning(DiagnosticCode.POOL_AND_RESERVE, Resolver.addressLabel(draft.reserved.get(overlap)),
            "is tagged both as a pool address and for reservation in " + draft.cidr
                + "; it is treated as a pool address only",
            "remove one of the two tags");
        draft.reserved.remove(overlap);
      }
    }
    for (Address address : draft.reserved.values()) {
      reserve(draft, address);
    }
    for (int i = 0; i < draft.pool.size(); i++) {
      int position = draft.pool.firstPosition(i);
      if (poolAddresses.interfaces(position).size() == 1) {
        contributePoolDevice(draft, poolAddresses.get(position));
      }
    }
  }

  /** A reserved address becomes a reservation; its device's context adds subnet options. */
  private void reserve(SubnetDraft draft, Address address) {
    String label = Resolver.addressLabel(address);
    List<InterfaceAttachment> interfaces = address.interfaces();
    if (interfaces.isEmpty()) {
      error(DiagnosticCode.RESERVE_NO_INTERFACE, label,
          "is tagged for reservation but assigned to no interface, so there is no MAC or device to reserve it for",
          "assign the address to the device interface that should receive it, or tag it as a pool address");
      return;
    }
    if (interfaces.size() > 1) {
      error(DiagnosticCode.RESERVE_MULTIPLE_INTERFACES, label,
          "is assigned to " + interfaces.size() + " interfaces ("
              + interfaces.stream().map(this::describe).collect(Collectors.joining(", "))
              + "); a reservation is for one client",
          "assign the address to exactly one interface");
      return;
    }
    InterfaceAttachment attachment = interfaces.get(0);
    Device device = device(attachment, label);
    if (device == null) {
      return;
    }
    if (Boolean.FALSE.equals(device.ztpEnabled())) {
      warning(DiagnosticCode.RESERVE_ZTP_DISABLED, label + " (device " + device.name() + ")",
          "is not reserved because ZTP is disabled on the device", "set ztp_enabled on the device to reserve it");
      return;
    }
    String source = "device " + device.name() + " interface " + attachment.name() + " (" + address.address() + ")";
    ContextOptions context = contextOptions(device, attachment);
    if (context == null) {
      return;
    }
    Identifier identifier = identify(device, attachment, context, label);
    Map<String, String> subnetOptions = renderOptions(context.subnetOptions(), device, context, label);
    Map<String, String> reservationOptions = renderOptions(context.reservationOptions(), device, context, label);
    if (identifier == null || subnetOptions == null || reservationOptions == null) {
      return;
    }
    draft.mergeOptions(subnetOptions, source, diagnostics::add);
    draft.mergeConfig(context.subnetConfig(), source, diagnostics::add);
    draft.addressReservations.add(new GeneratedReservation(
        Cidrs.addressText(address.address()), device.name(), identifier,
        optionData(reservationOptions), label));
  }

  /**
   * A pool address on exactly one device interface lets that device's context add subnet options, and
   * its reservation options become an address-less reservation inside the subnet.
   */
  private void contributePoolDevice(SubnetDraft draft, Address address) {
    InterfaceAttachment attachment = address.interfaces().get(0);
    String label = Resolver.addressLabel(address);
    Device device = device(attachment, label);
    if (device == null || Boolean.FALSE.equals(device.ztpEnabled())) {
      return;
    }
    boolean identifiable = (attachment.macAddress() != null && !attachment.macAddress().isBlank())
        || (device.serial() != null && !device.serial().isBlank());
    if (!identifiable) {
      return;
    }
    ContextOptions context = contextOptions(device, attachment);
    if (context == null || context.isEmpty()) {
      return;
    }
    String source = "device " + device.name() + " interface " + attachment.name() + " (" + address.address() + ")";
    Map<String, String> subnetOptions = renderOptions(context.subnetOptions(), device, context, label);
    if (subnetOptions != null) {
      draft.mergeOptions(subnetOptions, source, diagnostics::add);
    }
    draft.mergeConfig(context.subnetConfig(), source, diagnostics::add);
    if (context.reservationOptions().isEmpty()) {
      return;
    }
    Identifier identifier = identify(device, attachment, context, label);
    Map<String, String> reservationOptions = renderOptions(context.reservationOptions(), device, context, label);
    if (identifier != null && reservationOptions != null) {
      draft.optionOnlyReservations.add(new GeneratedReservation(
          null, device.name(), identifier, optionData(reservationOptions), label));
    }
  }

  /**
   * Where the subnet's address reservations go, by the subnet's effective flags (Kea looks for them
   * there); a subnet with option-only reservations gets {@code reservations-in-subnet}.
   */
  private Placement placement(SubnetDraft draft) {
    boolean lookGlobal = draft.flag("reservations-global", Resolver.RESERVATIONS_GLOBAL, diagnostics::add);
    boolean lookInSubnet = draft.flag("reservations-in-subnet", true, diagnostics::add);
    if (!draft.optionOnlyReservations.isEmpty()) {
      if (!draft.hasConfig("reservations-in-subnet")) {
        draft.setConfig("reservations-in-subnet", BooleanNode.TRUE, "keagen");
      } else if (!lookInSubnet) {
        error(DiagnosticCode.RESERVATIONS_DISABLED, draft.label,
            "has per-device options for pool addresses, but subnet_config sets reservations-in-subnet to false,"
                + " so Kea would ignore them",
            "set reservations-in-subnet to true, or move the options to subnet_options");
      }
    }
    if (draft.addressReservations.isEmpty()) {
      return Placement.NONE;
    }
    if (lookGlobal) {
      return Placement.GLOBAL;
    }
    if (lookInSubnet) {
      return Placement.IN_SUBNET;
    }
    error(DiagnosticCode.RESERVATIONS_DISABLED, draft.label,
        "has " + draft.addressReservations.size() + " reservation(s), but subnet_config sets both"
            + " reservations-global and reservations-in-subnet to false, so Kea would ignore them",
        "set one of the two to true in subnet_config");
    return Placement.NONE;
  }

  private Device device(InterfaceAttachment attachment, String label) {
    Device device = devices.get(attachment.deviceId());
    if (device == null) {
      error(DiagnosticCode.RESERVE_UNKNOWN_DEVICE, label,
          "is on interface " + attachment.name() + " of device id " + attachment.deviceId()
              + ", which the snapshot does not contain",
          "re-record the snapshot; the source returned an interface without its device");
    }
    return device;
  }

  private Identifier identify(Device device, InterfaceAttachment attachment, ContextOptions context, String label) {
    String mac = attachment.macAddress();
    if (mac != null && !mac.isBlank()) {
      String canonical = Identifiers.canonicalMac(mac);
      if (canonical == null) {
        error(DiagnosticCode.MAC_INVALID, label + " (device " + device.name() + " interface " + attachment.name() + ")",
            "the interface's MAC address '" + mac + "' is not a 48-bit MAC address",
            "correct the MAC address on the interface");
        return null;
      }
      return Identifier.hwAddress(canonical);
    }
    String serial = device.serial();
    if (serial == null || serial.isBlank()) {
      error(DiagnosticCode.RESERVE_NO_IDENTIFIER, label + " (device " + device.name() + " interface " + attachment.name() + ")",
          "the interface has no MAC address and the device has no serial number, so Kea cannot recognise the client",
          "set the interface's MAC address, or the device's serial number (with a client_id_template)");
      return null;
    }
    String rendered;
    if (context.clientIdTemplate() == null) {
      rendered = Identifiers.quotedSerial(serial);
    } else {
      TemplateOutcome outcome = SandboxedTemplates.instance().render(context.clientIdTemplate(), Map.of("serial", serial));
      if (!outcome.ok()) {
        templateFailure(outcome, "device " + device.name() + " client_id_template", context.clientIdTemplate());
        return null;
      }
      rendered = outcome.text();
    }
    String canonical = Identifiers.canonicalClientId(rendered);
    if (canonical == null) {
      error(DiagnosticCode.CLIENT_ID_INVALID, label + " (device " + device.name() + ")",
          "the client-id '" + rendered + "' from serial '" + serial + "' is not 2 to 255 hex bytes"
              + " (aa:bb:...) or a quoted string",
          context.clientIdTemplate() == null ? "set a client_id_template such as 00:{{ serial | hex }}"
              : "correct client_id_template so that it renders hex bytes, e.g. 00:{{ serial | hex }}");
      return null;
    }
    return Identifier.clientId(canonical);
  }

  /** Renders each option value as a template; {@code null} when any fails (reported). */
  private Map<String, String> renderOptions(Map<String, String> templates, Device device,
      ContextOptions context, String label) {
    Map<String, String> rendered = new LinkedHashMap<>();
    boolean failed = false;
    for (Map.Entry<String, String> option : templates.entrySet()) {
      String text = option.getValue();
      if (!SandboxedTemplates.isTemplate(text)) {
        rendered.put(option.getKey(), text);
        continue;
      }
      String ztpServer = null;
      if (text.contains("ztp_server")) {
        if (context.ztpServers().isEmpty()) {
          error(DiagnosticCode.NO_ZTP_SERVER, label + " (device " + device.name() + ")",
              "option " + option.getKey() + " uses ztp_server, but the device's config context lists no ztp.ipv4 servers",
              "add the ZTP server addresses under ztp.ipv4 in a config context that applies to the device");
          failed = true;
          continue;
        }
        ztpServer = ZtpServers.choose(device.id(), context.ztpServers());
      }
      String shared = namesDeviceVariable(text) ? null : text + '\n' + ztpServer;
      String output = shared == null ? null : sharedRenders.get(shared);
      if (output == null) {
        TemplateOutcome outcome = SandboxedTemplates.instance().render(text, variables(device, ztpServer));
        if (!outcome.ok()) {
          templateFailure(outcome, "device " + device.name() + " option " + option.getKey(), text);
          failed = true;
          continue;
        }
        output = outcome.text();
        if (shared != null) {
          sharedRenders.put(shared, output);
        }
      }
      rendered.put(option.getKey(), output);
    }
    return failed ? null : rendered;
  }

  /** The variables an option template sees: the device's, and its ZTP server when the template uses one. */
  private static Map<String, String> variables(Device device, String ztpServer) {
    Map<String, String> variables = new HashMap<>();
    variables.put("device_id", device.id());
    variables.put("device_name", device.name());
    if (device.serial() != null) {
      variables.put("serial", device.serial());
    }
    if (ztpServer != null) {
      variables.put("ztp_server", ztpServer);
    }
    return variables;
  }

  /**
   * True when {@code text} may read a variable of the device's own; a template reads a variable only
   * by its name (the sandbox shadows Pebble's {@code _context}), so one that names none renders the
   * same for every device with the same ZTP server.
   */
  private static boolean namesDeviceVariable(String text) {
    return text.contains("device_id") || text.contains("device_name") || text.contains("serial");
  }

  private void templateFailure(TemplateOutcome outcome, String where, String template) {
    boolean unsafe = outcome.failure() == TemplateOutcome.Failure.UNSAFE;
    error(unsafe ? DiagnosticCode.TEMPLATE_UNSAFE : DiagnosticCode.TEMPLATE_ERROR, where,
        "template '" + Resolver.abbreviate(template) + "' " + (unsafe ? "was refused: " : "failed: ") + outcome.message(),
        unsafe ? "templates may only use the given variables, filters such as hex, and if"
            : "correct the template in the config context");
  }

  private List<OptionData> optionData(Map<String, String> options) {
    List<OptionData> data = new ArrayList<>(options.size()); // a loop: streams cost more than the work here
    options.forEach((name, value) -> data.add(optionDefinitions.optionData(name, value)));
    return data;
  }

  private String describe(InterfaceAttachment attachment) {
    Device device = devices.get(attachment.deviceId());
    return (device == null ? attachment.deviceId() : device.name()) + " " + attachment.name();
  }

  /**
   * {@link ContextOptions#forInterface}, read once per config context, interface name and role:
   * devices of one site, role or platform share one context object (the snapshot reader makes
   * equal contexts one), so most reservations find theirs read. A context with problems is read
   * again for each device, so that each is named; one read without problems reports nothing, so
   * the workers sharing their reads changes no finding.
   */
  private ContextOptions contextOptions(Device device, InterfaceAttachment attachment) {
    ContextKey key = new ContextKey(device.configContext(), attachment.name(), attachment.role());
    ContextOptions read = contextsRead.get(key);
    if (read == null) {
      read = ContextOptions.forInterface(device, attachment.name(), attachment.role(), diagnostics::add);
      if (read != null) {
        contextsRead.putIfAbsent(key, read);
      }
    }
    return read;
  }

  private void error(DiagnosticCode code, String object, String message, String hint) {
    diagnostics.add(Diagnostic.error(code, object, message, hint));
  }

  private void warning(DiagnosticCode code, String object, String message, String hint) {
    diagnostics.add(Diagnostic.warning(code, object, message, hint));
  }
}
