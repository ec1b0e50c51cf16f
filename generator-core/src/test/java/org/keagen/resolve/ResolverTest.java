package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keagen.resolve.Facts.withCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.diagnostic.Severity;
import org.keagen.plan.DhcpPlan;
import org.keagen.plan.GeneratedReservation;
import org.keagen.plan.GeneratedSubnet;
import org.keagen.plan.Identifier;
import org.keagen.plan.OptionData;
import org.keagen.plan.PoolRange;
import org.keagen.plan.Reservation;
import org.keagen.plan.StaticReservation;
import org.keagen.plan.StaticSubnet;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.InterfaceAttachment;
import org.keagen.snapshot.Prefix;

class ResolverTest {

  static GeneratedSubnet subnet(DhcpPlan plan, String cidr) {
    return plan.subnets().stream().filter(s -> s.cidr().equals(cidr)).map(GeneratedSubnet.class::cast)
        .findFirst().orElseThrow(() -> new AssertionError("no subnet " + cidr + " in " + plan.subnets()));
  }

  static GeneratedReservation reservation(DhcpPlan plan, String ip) {
    return plan.globalReservations().stream().filter(r -> ip.equals(r.ipAddress()))
        .map(GeneratedReservation.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no global reservation " + ip + " in " + plan.globalReservations()));
  }

  static List<String> pools(GeneratedSubnet subnet) {
    return subnet.pools().stream().map(PoolRange::toKea).toList();
  }

  static DhcpPlan ok(Resolution resolution) {
    assertTrue(resolution.ok(), () -> "expected a plan, got " + resolution.diagnostics());
    return resolution.plan();
  }

  /** Asserts the run failed with exactly one error of {@code code}, and returns it. */
  static Diagnostic onlyError(Resolution resolution, DiagnosticCode code) {
    assertNull(resolution.plan(), "an error must leave no plan");
    List<Diagnostic> errors = resolution.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    assertEquals(code, errors.get(0).code(), () -> "errors: " + errors);
    return errors.get(0);
  }

  static Diagnostic onlyWarning(Resolution resolution, DiagnosticCode code) {
    List<Diagnostic> warnings = withCode(resolution, code);
    assertEquals(1, warnings.size(), () -> "diagnostics: " + resolution.diagnostics());
    assertEquals(Severity.WARNING, warnings.get(0).severity());
    return warnings.get(0);
  }

  static final String MGMT = "{'dhcp':{'options':{'client_id_template':'00:{{ serial | hex }}'}}}";

  @Nested
  class Pools {
    @Test
    void contiguousAddressesMergeIntoAscendingRanges() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null)
          .pool("10.0.0.20/24", "10.0.0.12/24", "10.0.0.10/24", "10.0.0.11/24", "10.0.0.30").resolve());
      assertEquals(List.of("10.0.0.10-10.0.0.12", "10.0.0.20-10.0.0.20", "10.0.0.30-10.0.0.30"),
          pools(subnet(plan, "10.0.0.0/24")));
    }

    @Test
    void anAddressBelongsToTheMostSpecificPrefixOfItsVrf() {
      DhcpPlan plan = ok(new Facts()
          .prefix(new Prefix("a", "10.0.0.0/16", null, null, null, null, null))
          .prefix(new Prefix("b", "10.0.1.0/24", null, null, null, null, null))
          .pool("10.0.1.5", "10.0.2.5").resolve());
      assertEquals(List.of("10.0.1.5-10.0.1.5"), pools(subnet(plan, "10.0.1.0/24")));
      assertEquals(List.of("10.0.2.5-10.0.2.5"), pools(subnet(plan, "10.0.0.0/16")));
    }

    @Test
    void anAddressInAnotherVrfIsLeftOutWithAWarning() {
      Facts facts = new Facts().prefix(new Prefix("a", "10.0.0.0/24", "red", null, null, null, null));
      facts.pool.add(new org.keagen.snapshot.Address("ip1", "10.0.0.5/24", "blue", List.of()));
      Resolution resolution = facts.resolve();
      assertTrue(pools(subnet(ok(resolution), "10.0.0.0/24")).isEmpty());
      Diagnostic warning = onlyWarning(resolution, DiagnosticCode.POOL_OUTSIDE_SUBNET);
      assertTrue(warning.object().contains("10.0.0.5/24"), warning::toLine);
      assertTrue(warning.message().contains("vrf blue"), warning::toLine);
    }

    @Test
    void theNetworkAddressCannotBeAPoolAddress() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).pool("10.0.0.0/24").resolve(),
          DiagnosticCode.ADDRESS_IS_NETWORK_OR_BROADCAST);
      assertTrue(error.object().contains("10.0.0.0/24"));
    }

    @Test
    void bothAddressesOfASlash31AreUsable() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/31", null).pool("10.0.0.1").resolve());
      assertEquals(List.of("10.0.0.1-10.0.0.1"), pools(subnet(plan, "10.0.0.0/31")));
    }

    @Test
    void ipv6PrefixesAndAddressesAreNotPartOfADhcp4Plan() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).prefix("2001:db8::/64", null)
          .pool("2001:db8::5/64", "10.0.0.9").resolve());
      assertEquals(1, plan.subnets().size());
    }
  }

  @Nested
  class Gateways {
    @Test
    void aModelledGatewayWithAMaskLengthIsUsed() {
      assertEquals("10.0.0.254", subnet(ok(new Facts().prefix("10.0.0.0/24", "10.0.0.254/24").resolve()),
          "10.0.0.0/24").gateway());
    }

    @Test
    void withoutAModelledGatewayTheFirstUsableAddressIsUsed() {
      assertEquals("10.0.0.65", subnet(ok(new Facts().prefix("10.0.0.64/26", null).resolve()),
          "10.0.0.64/26").gateway());
    }

    @Test
    void aSlash31UsesItsNetworkAddress() {
      assertEquals("198.51.100.132", subnet(ok(new Facts().prefix("198.51.100.132/31", null).resolve()),
          "198.51.100.132/31").gateway());
    }

    @Test
    void aSlash32WithoutAModelledGatewayIsAnError() {
      onlyError(new Facts().prefix("10.0.0.7/32", null).resolve(), DiagnosticCode.GATEWAY_NOT_DERIVABLE);
    }

    @Test
    void aGatewayOutsideThePrefixIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", "10.0.1.1").resolve(),
          DiagnosticCode.GATEWAY_OUTSIDE_PREFIX);
      assertTrue(error.object().contains("10.0.0.0/24") && error.message().contains("10.0.1.1"), error::toLine);
    }

    @Test
    void aGatewayThatIsNoAddressIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", "router-1").resolve(), DiagnosticCode.GATEWAY_INVALID);
    }

    @Test
    void aGatewayTaggedAsPoolIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).pool("10.0.0.1", "10.0.0.2").resolve(),
          DiagnosticCode.GATEWAY_IN_POOL);
      assertTrue(error.message().contains("10.0.0.1"), error::toLine);
    }

    @Test
    void aGatewayTaggedForReservationIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "r1", null, null)
          .reserve("10.0.0.1", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.GATEWAY_RESERVED);
    }
  }

  @Nested
  class Prefixes {
    @Test
    void aPrefixWithHostBitsIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.5/24", null).resolve(), DiagnosticCode.PREFIX_INVALID);
      assertTrue(error.object().contains("10.0.0.5/24"));
    }

    @Test
    void theSamePrefixTaggedTwiceIsAnError() {
      onlyError(new Facts().prefix(new Prefix("a", "10.0.0.0/24", "red", null, null, null, null))
          .prefix(new Prefix("b", "10.0.0.0/24", "blue", null, null, null, null)).resolve(),
          DiagnosticCode.PREFIX_DUPLICATE);
    }
  }

  @Nested
  class Reservations {
    @Test
    void aMacInAnyNotationBecomesACanonicalHwAddress() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "printer", null, null).device("d2", "phone", null, null)
          .reserve("10.0.0.10", "eth0", null, "00-11-22-AA-BB-CC", "d1")
          .reserve("10.0.0.11", "eth0", null, "0011.2233.44ff", "d2").resolve());
      assertEquals(Identifier.hwAddress("00:11:22:aa:bb:cc"), reservation(plan, "10.0.0.10").identifier());
      assertEquals(Identifier.hwAddress("00:11:22:33:44:ff"), reservation(plan, "10.0.0.11").identifier());
      assertEquals("printer", reservation(plan, "10.0.0.10").hostname());
    }

    @Test
    void aMalformedMacIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44", "d1").resolve(), DiagnosticCode.MAC_INVALID);
      assertTrue(error.object().contains("h1") && error.message().contains("00:11:22:33:44"), error::toLine);
    }

    @Test
    void aSerialBecomesAClientIdThroughTheTemplate() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "spine1", "MT2415XZ04QY", MGMT)
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve());
      assertEquals(Identifier.clientId("00:4d:54:32:34:31:35:58:5a:30:34:51:59"),
          reservation(plan, "10.0.0.10").identifier());
    }

    @Test
    void aSerialWithoutATemplateBecomesAQuotedClientId() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "spine1", "ABC123", null)
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve());
      assertEquals(Identifier.clientId("'ABC123'"), reservation(plan, "10.0.0.10").identifier());
    }

    @Test
    void aTemplateThatRendersNoHexBytesIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "spine1", "ABC", "{'dhcp':{'options':{'client_id_template':'id-{{ serial }}'}}}")
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve(), DiagnosticCode.CLIENT_ID_INVALID);
      assertTrue(error.message().contains("id-ABC"), error::toLine);
    }

    @Test
    void aMalformedClientIdTemplateIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "spine1", "ABC", "{'dhcp':{'options':{'client_id_template':'00:{{ serial | hex '}}}")
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve(), DiagnosticCode.TEMPLATE_ERROR);
      assertTrue(error.object().contains("spine1") && error.object().contains("client_id_template"), error::toLine);
    }

    @Test
    void aClientIdTemplateCallingJavaIsRefused() {
      onlyError(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "spine1", "ABC", "{'dhcp':{'options':{'client_id_template':'{{ serial.getClass() }}'}}}")
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve(), DiagnosticCode.TEMPLATE_UNSAFE);
    }

    @Test
    void noMacAndNoSerialIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.0.0.10", "eth0", null, null, "d1").resolve(), DiagnosticCode.RESERVE_NO_IDENTIFIER);
      assertTrue(error.object().contains("10.0.0.10") && error.object().contains("eth0"), error::toLine);
    }

    @Test
    void aReservedAddressOnNoInterfaceIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null).reserve("10.0.0.10").resolve(),
          DiagnosticCode.RESERVE_NO_INTERFACE);
    }

    @Test
    void aReservedAddressOnTwoInterfacesIsAnErrorNamingBoth() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.0.0.10", InterfaceAttachment.of("eth0", null, "00:11:22:33:44:55", "d1"),
              InterfaceAttachment.of("eth1", null, "00:11:22:33:44:56", "d1")).resolve(),
          DiagnosticCode.RESERVE_MULTIPLE_INTERFACES);
      assertTrue(error.message().contains("h1 eth0") && error.message().contains("h1 eth1"), error::toLine);
    }

    @Test
    void anInterfaceOfAnUnknownDeviceIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null).reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "dx")
          .resolve(), DiagnosticCode.RESERVE_UNKNOWN_DEVICE);
    }

    @Test
    void aReservedAddressOutsideEveryDhcpPrefixIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.9.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.RESERVE_OUTSIDE_SUBNET);
    }

    @Test
    void theFindingsOfPoolAddressesComeBeforeThoseOfReservedAddressesEachInTheirOrder() {
      // the two lists are placed on two cores; their findings keep the snapshot's order
      Resolution resolution = new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.9.0.10", "eth0", null, "00:11:22:33:44:55", "d1").reserve("10.0.0.0", "eth1", null,
              "00:11:22:33:44:56", "d1").reserve("10.8.0.10", "eth2", null, "00:11:22:33:44:57", "d1")
          .pool("10.7.0.5", "10.0.0.255", "10.6.0.5", "not-an-address").resolve();
      assertEquals(List.of(
              "POOL_OUTSIDE_SUBNET ip-address 10.7.0.5", "ADDRESS_IS_NETWORK_OR_BROADCAST ip-address 10.0.0.255",
              "POOL_OUTSIDE_SUBNET ip-address 10.6.0.5", "ADDRESS_INVALID ip-address not-an-address",
              "RESERVE_OUTSIDE_SUBNET ip-address 10.9.0.10", "ADDRESS_IS_NETWORK_OR_BROADCAST ip-address 10.0.0.0",
              "RESERVE_OUTSIDE_SUBNET ip-address 10.8.0.10"),
          resolution.diagnostics().stream().map(d -> d.code().name() + " " + d.object()).toList());
    }

    @Test
    void aDeviceWithZtpDisabledGetsNoReservationAndAWarning() {
      Resolution resolution = new Facts().prefix("10.0.0.0/24", null)
          .device(new Device("d1", "h1", null, null, null, null, false, null))
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve();
      assertTrue(ok(resolution).globalReservations().isEmpty());
      assertTrue(onlyWarning(resolution, DiagnosticCode.RESERVE_ZTP_DISABLED).object().contains("h1"));
    }

    @Test
    void anAddressTaggedPoolAndReserveIsAPoolAddressWithAWarning() {
      Resolution resolution = new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .pool("10.0.0.10").reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve();
      DhcpPlan plan = ok(resolution);
      assertEquals(List.of("10.0.0.10-10.0.0.10"), pools(subnet(plan, "10.0.0.0/24")));
      assertTrue(plan.globalReservations().isEmpty());
      onlyWarning(resolution, DiagnosticCode.POOL_AND_RESERVE);
    }

    @Test
    void theSameMacReservedTwiceIsAnErrorNamingBothAddresses() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .device("d2", "h2", null, null)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
          .reserve("10.0.0.11", "eth0", null, "00-11-22-33-44-55", "d2").resolve(), DiagnosticCode.DUPLICATE_IDENTIFIER);
      assertTrue(error.toLine().contains("10.0.0.10") && error.toLine().contains("10.0.0.11"), error::toLine);
    }

    @Test
    void theSameAddressTaggedTwiceIsAnError() {
      Facts facts = new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null);
      facts.reserved.add(new org.keagen.snapshot.Address("ip1", "10.0.0.10/24", null,
          List.of(InterfaceAttachment.of("eth0", null, "00:11:22:33:44:55", "d1"))));
      facts.reserved.add(new org.keagen.snapshot.Address("ip2", "10.0.0.10/24", null,
          List.of(InterfaceAttachment.of("eth1", null, "00:11:22:33:44:56", "d1"))));
      onlyError(facts.resolve(), DiagnosticCode.RESERVE_DUPLICATE_ADDRESS);
    }
  }

  @Nested
  class Options {
    static final String ZTP = "{'dhcp':{'options':{"
        + "'interface_roles':{'mgmt':{'reservation_options':{'boot-file-name':'role-file','tftp-server-name':'tftp.example'}}},"
        + "'interface_names':{'eth0':{'reservation_options':{'boot-file-name':'http://{{ ztp_server }}/{{ device_id }}'}}}}},"
        + "'ztp':{'ipv4':['192.0.2.10']}}";

    @Test
    void interfaceNamesOverrideInterfaceRolesKeyByKey() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, ZTP)
          .reserve("10.0.0.10", "eth0", "mgmt", "00:11:22:33:44:55", "d1").resolve());
      assertEquals(List.of(OptionData.of("boot-file-name", "http://192.0.2.10/d1"),
          OptionData.of("tftp-server-name", "tftp.example")), reservation(plan, "10.0.0.10").options());
    }

    @Test
    void aTemplateRenderedForOneDeviceIsNotReusedForAnotherWithADifferentServerOrName() {
      String context = "{'dhcp':{'options':{'interface_names':{'eth0':{'reservation_options':{"
          + "'tftp-server-name':'{{ ztp_server }}','boot-file-name':'{{ device_name }}.cfg'}}}}},"
          + "'ztp':{'ipv4':['192.0.2.10','192.0.2.11','192.0.2.12']}}";
      Facts facts = new Facts().prefix("10.0.0.0/24", null);
      for (int i = 10; i < 40; i++) {
        facts.device("d" + i, "leaf" + i, null, context)
            .reserve("10.0.0." + i, "eth0", null, String.format("00:11:22:33:44:%02x", i), "d" + i);
      }
      DhcpPlan plan = ok(facts.resolve());
      java.util.Set<String> servers = new java.util.TreeSet<>();
      for (int i = 10; i < 40; i++) {
        String server = ZtpServers.choose("d" + i, List.of("192.0.2.10", "192.0.2.11", "192.0.2.12"));
        servers.add(server);
        assertEquals(List.of(OptionData.of("boot-file-name", "leaf" + i + ".cfg"), OptionData.of("tftp-server-name", server)),
            reservation(plan, "10.0.0." + i).options());
      }
      assertEquals(3, servers.size(), "the devices spread over all three servers");
    }

    @Test
    void roleOptionsApplyWhenTheInterfaceNameHasNone() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, ZTP)
          .reserve("10.0.0.10", "eth1", "mgmt", "00:11:22:33:44:55", "d1").resolve());
      assertEquals(List.of(OptionData.of("boot-file-name", "role-file"), OptionData.of("tftp-server-name", "tftp.example")),
          reservation(plan, "10.0.0.10").options());
    }

    @Test
    void routersCannotBeSetByAContext() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "leaf1", null, "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_options':{'routers':'10.0.0.9'}}}}}}")
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.ROUTERS_OVERRIDE);
      assertTrue(error.object().contains("leaf1") && error.message().contains("10.0.0.9"), error::toLine);
    }

    @Test
    void twoDevicesGivingOneSubnetDifferentOptionValuesIsAnErrorNamingBoth() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_options':{'ntp-servers':'10.0.0.5'}}}}}}";
      String b = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_options':{'ntp-servers':'10.0.0.6'}}}}}}";
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .device("d2", "leaf2", null, b)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
          .reserve("10.0.0.11", "eth0", null, "00:11:22:33:44:56", "d2").resolve(), DiagnosticCode.SUBNET_OPTION_CONFLICT);
      assertTrue(error.message().contains("leaf1") && error.message().contains("leaf2")
          && error.message().contains("10.0.0.5") && error.message().contains("10.0.0.6"), error::toLine);
    }

    @Test
    void equalSubnetOptionsFromTwoDevicesAgree() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_options':{'ntp-servers':'10.0.0.5'}}}}}}";
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .device("d2", "leaf2", null, a)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
          .reserve("10.0.0.11", "eth0", null, "00:11:22:33:44:56", "d2").resolve());
      assertEquals(List.of(OptionData.of("ntp-servers", "10.0.0.5")), subnet(plan, "10.0.0.0/24").options());
    }

    @Test
    void twoDevicesGivingOneSubnetDifferentParametersIsAnError() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_config':{'valid-lifetime':600}}}}}}";
      String b = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_config':{'valid-lifetime':900}}}}}}";
      onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a).device("d2", "leaf2", null, b)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
          .reserve("10.0.0.11", "eth0", null, "00:11:22:33:44:56", "d2").resolve(), DiagnosticCode.SUBNET_CONFIG_CONFLICT);
    }

    @Test
    void subnetConfigCannotSetWhatKeagenDerives() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_config':{'subnet':'10.9.9.0/24'}}}}}}";
      onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(),
          DiagnosticCode.SUBNET_CONFIG_RESERVED_KEY);
    }

    @Test
    void aTemplateUsingZtpServerWithoutServersIsAnError() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'reservation_options':{'boot-file-name':'http://{{ ztp_server }}/x'}}}}}}";
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.NO_ZTP_SERVER);
      assertTrue(error.object().contains("10.0.0.10") && error.message().contains("boot-file-name"), error::toLine);
    }

    @Test
    void theZtpServerIsAStableChoicePerDeviceSpreadOverTheList() {
      List<String> servers = List.of("192.0.2.1", "192.0.2.2");
      assertEquals(ZtpServers.choose("device-a", servers), ZtpServers.choose("device-a", servers));
      long distinct = java.util.stream.IntStream.range(0, 20)
          .mapToObj(i -> ZtpServers.choose("device-" + i, servers)).distinct().count();
      assertEquals(2, distinct, "twenty devices should use both servers");
    }

    @Test
    void anUnknownTemplateVariableIsAnError() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'reservation_options':{'boot-file-name':'{{ site }}'}}}}}}";
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.TEMPLATE_ERROR);
      assertTrue(error.message().contains("site"), error::toLine);
    }

    @Test
    void customOptionsCarryTheirDefinitionsCodeAndSpace() {
      String a = "{'dhcp':{'options':{'interface_names':{'eth0':{'reservation_options':"
          + "{'cumulus-provision-url':'http://x/y','vendor-thing':'1'}}}}}}";
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, a)
          .optionDefinition("{'name':'cumulus-provision-url','code':239,'type':'string','space':'dhcp4'}")
          .optionDefinition("{'name':'vendor-thing','code':5,'type':'uint8','space':'vendor-space'}")
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve());
      assertEquals(List.of(new OptionData("cumulus-provision-url", "http://x/y", 239, null),
          new OptionData("vendor-thing", "1", 5, "vendor-space")), reservation(plan, "10.0.0.10").options());
    }

    @Test
    void aMalformedOptionDefinitionIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null).optionDefinition("{'name':'x','code':'239','type':'string'}")
          .resolve(), DiagnosticCode.OPTION_DEF_INVALID);
    }

    @Test
    void aContextWhoseDhcpOptionsIsNoObjectIsAnError() {
      Diagnostic error = onlyError(new Facts().prefix("10.0.0.0/24", null).device("d1", "leaf1", null, "{'dhcp':{'options':[1]}}")
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.CONTEXT_INVALID);
      assertTrue(error.object().contains("leaf1") && error.object().contains("dhcp.options"), error::toLine);
    }
  }

  @Nested
  class Placement {
    static String subnetConfig(String config) {
      return "{'dhcp':{'options':{'interface_names':{'eth0':{'subnet_config':" + config + "}}}}}";
    }

    @Test
    void reservationsAreGlobalByDefault() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve());
      assertTrue(plan.reservationsGlobal());
      assertEquals(1, plan.globalReservations().size());
      assertTrue(subnet(plan, "10.0.0.0/24").reservations().isEmpty());
    }

    @Test
    void aSubnetThatLooksUpOnlyInTheSubnetGetsItsReservations() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "h1", null, subnetConfig("{'reservations-global':false,'reservations-in-subnet':true}"))
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve());
      assertTrue(plan.globalReservations().isEmpty());
      GeneratedSubnet subnet = subnet(plan, "10.0.0.0/24");
      assertEquals(List.of("10.0.0.10"), subnet.reservations().stream().map(Reservation::ipAddress).toList());
      assertFalse(subnet.config().at("/reservations-global").asBoolean());
    }

    @Test
    void aSubnetThatLooksUpNowhereIsAnError() {
      onlyError(new Facts().prefix("10.0.0.0/24", null)
          .device("d1", "h1", null, subnetConfig("{'reservations-global':false,'reservations-in-subnet':false}"))
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1").resolve(), DiagnosticCode.RESERVATIONS_DISABLED);
    }

    @Test
    void aPoolDevicesReservationOptionsBecomeAnAddresslessReservationInTheSubnet() {
      String context = "{'dhcp':{'options':{'interface_names':{'swp1':{"
          + "'subnet_options':{'broadcast-address':'255.255.255.255'},"
          + "'reservation_options':{'boot-file-name':'onie-{{ device_id }}'}}}}}}";
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/31", null).device("d1", "leaf1", "SER1", context)
          .poolOn("10.0.0.1", "swp1", null, null, "d1").resolve());
      GeneratedSubnet subnet = subnet(plan, "10.0.0.0/31");
      assertEquals(List.of(OptionData.of("broadcast-address", "255.255.255.255")), subnet.options());
      assertEquals(1, subnet.reservations().size());
      GeneratedReservation r = subnet.reservations().get(0);
      assertNull(r.ipAddress());
      assertEquals(Identifier.clientId("'SER1'"), r.identifier());
      assertEquals(List.of(OptionData.of("boot-file-name", "onie-d1")), r.options());
      assertTrue(subnet.config().at("/reservations-in-subnet").asBoolean());
    }
  }

  @Nested
  class StaticFragments {
    @Test
    void aStaticSubnetWithAGeneratedCidrIsReplacedWithAWarning() {
      Resolution resolution = new Facts().prefix("10.0.0.0/24", null)
          .fragment("legacy", List.of(), List.of("{'subnet':'10.0.0.0/24','id':7}", "{'subnet':'10.9.0.0/24','id':9}"))
          .resolve();
      DhcpPlan plan = ok(resolution);
      assertEquals(List.of("10.0.0.0/24", "10.9.0.0/24"), plan.subnets().stream().map(s -> s.cidr()).toList());
      assertTrue(plan.subnets().get(1) instanceof StaticSubnet);
      assertEquals(9, plan.subnets().get(1).id());
      assertTrue(onlyWarning(resolution, DiagnosticCode.STATIC_SUBNET_REPLACED).object().contains("legacy"));
    }

    @Test
    void aStaticReservationLosesToAGeneratedOneWithTheSameAddressOrIdentifier() {
      Resolution resolution = new Facts().prefix("10.0.0.0/24", null).device("d1", "h1", null, null)
          .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
          .fragment("legacy", List.of(
              "{'hw-address':'aa:aa:aa:aa:aa:aa','ip-address':'10.0.0.10','hostname':'old'}",
              "{'hw-address':'00:11:22:33:44:55','ip-address':'10.0.0.20','hostname':'old2'}",
              "{'hw-address':'bb:bb:bb:bb:bb:bb','ip-address':'10.0.0.30','hostname':'kept'}"), List.of())
          .resolve();
      DhcpPlan plan = ok(resolution);
      assertEquals(List.of("10.0.0.10", "10.0.0.30"), plan.globalReservations().stream().map(Reservation::ipAddress).toList());
      assertTrue(plan.globalReservations().get(1) instanceof StaticReservation);
      assertEquals(2, withCode(resolution, DiagnosticCode.STATIC_RESERVATION_REPLACED).size());
    }

    @Test
    void aStaticReservationWithoutIdentifierIsAnError() {
      onlyError(new Facts().fragment("legacy", List.of("{'ip-address':'10.0.0.10'}"), List.of()).resolve(),
          DiagnosticCode.STATIC_INVALID);
    }
  }

  @Nested
  class SubnetIds {
    @Test
    void anExplicitIdWins() {
      DhcpPlan plan = ok(new Facts().prefix(new Prefix("a", "10.0.0.0/24", null, null, null, null, 42L)).resolve());
      assertEquals(42, plan.subnets().get(0).id());
    }

    @Test
    void aNewSubnetsIdDerivesFromItsNetworkAddress() {
      DhcpPlan plan = ok(new Facts().prefix("10.1.2.0/24", null).resolve());
      assertEquals(167838208L, plan.subnets().get(0).id());
    }

    @Test
    void theExistingFilesIdIsKeptForItsCidr() {
      DhcpPlan plan = ok(Resolver.resolve(new Facts().prefix("10.1.2.0/24", null).snapshot(),
          SubnetIdHistory.of(Map.of("10.1.2.0/24", 3L))));
      assertEquals(3, plan.subnets().get(0).id());
    }

    @Test
    void anIdTheExistingFileGaveAnotherCidrIsNeverReused() {
      // 10.0.0.0/24 derives 167772160, which the previous file gave a subnet that is now gone.
      DhcpPlan plan = ok(Resolver.resolve(new Facts().prefix("10.0.0.0/24", null).snapshot(),
          SubnetIdHistory.of(Map.of("192.168.0.0/24", 167772160L))));
      assertEquals(167772161L, plan.subnets().get(0).id());
    }

    @Test
    void addingASubnetChangesNoOtherId() {
      DhcpPlan before = ok(new Facts().prefix("10.0.2.0/24", null).prefix("10.0.4.0/24", null).resolve());
      DhcpPlan after = ok(new Facts().prefix("10.0.2.0/24", null).prefix("10.0.3.0/24", null)
          .prefix("10.0.4.0/24", null).resolve());
      assertEquals(subnet(before, "10.0.2.0/24").id(), subnet(after, "10.0.2.0/24").id());
      assertEquals(subnet(before, "10.0.4.0/24").id(), subnet(after, "10.0.4.0/24").id());
    }

    @Test
    void twoSubnetsOnOneNetworkAddressGetDistinctIds() {
      DhcpPlan plan = ok(new Facts().prefix("10.0.0.0/16", null).prefix("10.0.0.0/24", null).resolve());
      assertEquals(167772160L, subnet(plan, "10.0.0.0/16").id());
      assertEquals(167772161L, subnet(plan, "10.0.0.0/24").id());
    }

    @Test
    void anIdOutsideKeasRangeIsAnError() {
      onlyError(new Facts().prefix(new Prefix("a", "10.0.0.0/24", null, null, null, null, 0L)).resolve(),
          DiagnosticCode.SUBNET_ID_INVALID);
    }

    @Test
    void twoSubnetsWithOneExplicitIdIsAnError() {
      onlyError(new Facts().prefix(new Prefix("a", "10.0.0.0/24", null, null, null, null, 5L))
          .prefix(new Prefix("b", "10.0.1.0/24", null, null, null, null, 5L)).resolve(), DiagnosticCode.SUBNET_ID_DUPLICATE);
    }

    @Test
    void anExplicitIdTakenFromAnotherCidrOfTheExistingFileIsAWarning() {
      Resolution resolution = Resolver.resolve(
          new Facts().prefix(new Prefix("a", "10.0.0.0/24", null, null, null, null, 5L)).snapshot(),
          SubnetIdHistory.of(Map.of("10.9.0.0/24", 5L)));
      assertNotNull(ok(resolution));
      assertTrue(onlyWarning(resolution, DiagnosticCode.SUBNET_ID_REASSIGNED).message().contains("10.9.0.0/24"));
    }
  }

  @Test
  void theSameFactsInAnotherOrderGiveTheSamePlan() {
    Facts forward = new Facts().prefix("10.0.0.0/24", null).prefix("10.0.1.0/24", null)
        .device("d1", "h1", null, null).device("d2", "h2", null, null)
        .pool("10.0.0.100", "10.0.0.101", "10.0.1.100")
        .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1")
        .reserve("10.0.1.10", "eth0", null, "00:11:22:33:44:56", "d2");
    Facts backward = new Facts().prefix("10.0.1.0/24", null).prefix("10.0.0.0/24", null)
        .device("d2", "h2", null, null).device("d1", "h1", null, null)
        .pool("10.0.1.100", "10.0.0.101", "10.0.0.100")
        .reserve("10.0.1.10", "eth0", null, "00:11:22:33:44:56", "d2")
        .reserve("10.0.0.10", "eth0", null, "00:11:22:33:44:55", "d1");
    assertEquals(ok(forward.resolve()), ok(backward.resolve()));
  }
}
