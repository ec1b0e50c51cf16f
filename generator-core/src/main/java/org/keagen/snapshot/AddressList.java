package org.keagen.snapshot;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of {@link Address} kept in columns, for the million pool addresses of a large
 * fabric: an address in the usual {@code a.b.c.d/len} form is one number ({@link PlainIpv4}), a
 * decimal id is one number, and an address without interfaces holds no list. That is about 24 bytes
 * per address instead of about 150 for the records and their texts. {@link #get} builds the record
 * on demand; the column accessors read one field without building it.
 */
public final class AddressList extends AbstractList<Address> implements RandomAccess {
  /** In {@code ids}: the id is the address text (a source that has no ids). */
  static final long ID_IS_ADDRESS = -1;
  /** In {@code ids} and {@code addresses}: the text is in the overflow map. */
  static final long TEXT_ELSEWHERE = -2;

  private static final AddressList EMPTY = new Builder().build();

  private final int size;
  private final long[] addresses;
  private final long[] ids;
  private final String[] vrfs;
  private final List<?>[] interfaces;
  /** Texts not in the compact forms, by index. */
  private final Map<Integer, String> otherAddresses;
  private final Map<Integer, String> otherIds;

  private AddressList(Builder b) {
    size = b.size;
    addresses = Arrays.copyOf(b.addresses, size);
    ids = Arrays.copyOf(b.ids, size);
    vrfs = Arrays.copyOf(b.vrfs, size);
    interfaces = Arrays.copyOf(b.interfaces, size);
    otherAddresses = Map.copyOf(b.otherAddresses);
    otherIds = Map.copyOf(b.otherIds);
  }

  /** {@code addresses} as an address list: itself when it is one, else a compact copy. */
  public static AddressList of(List<Address> addresses) {
    if (addresses instanceof AddressList list) {
      return list;
    }
    if (addresses.isEmpty()) {
      return EMPTY;
    }
    Builder builder = new Builder();
    addresses.forEach(a -> builder.add(Objects.requireNonNull(a, "address")));
    return builder.build();
  }

  /** A builder, to which a reader adds addresses one by one without making their records. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Address get(int index) {
    Objects.checkIndex(index, size);
    return new Address(id(index), address(index), vrfs[index], interfaces(index));
  }

  @Override
  public int size() {
    return size;
  }

  /** The address text of element {@code index}. */
  public String address(int index) {
    long plain = addresses[index];
    return plain == TEXT_ELSEWHERE ? otherAddresses.get(index) : PlainIpv4.text(plain);
  }

  /**
   * The {@link PlainIpv4#parse} result of element {@code index}'s address text, or -1 when that
   * text is in another form: the value without building the text.
   */
  public long plainAddress(int index) {
    long plain = addresses[index];
    return plain == TEXT_ELSEWHERE ? -1 : plain;
  }

  /** The VRF of element {@code index}, or {@code null}. */
  public String vrf(int index) {
    return vrfs[index];
  }

  /** The interfaces of element {@code index}. */
  @SuppressWarnings("unchecked")
  public List<InterfaceAttachment> interfaces(int index) {
    List<?> list = interfaces[index];
    return list == null ? List.of() : (List<InterfaceAttachment>) list;
  }

  private String id(int index) {
    long id = ids[index];
    if (id == ID_IS_ADDRESS) {
      return address(index);
    }
    return id == TEXT_ELSEWHERE ? otherIds.get(index) : Long.toString(id);
  }

  /** Collects addresses in order; {@link #build} once. */
  public static final class Builder {
    private int size;
    private long[] addresses = new long[16];
    private long[] ids = new long[16];
    private String[] vrfs = new String[16];
    private List<?>[] interfaces = new List<?>[16];
    private final Map<Integer, String> otherAddresses = new HashMap<>();
    private final Map<Integer, String> otherIds = new HashMap<>();

    private Builder() {}

    /** Adds {@code address}. */
    public Builder add(Address address) {
      return add(address.id(), address.address(), address.vrf(), address.interfaces());
    }

    /** Adds an address as {@link Address}'s constructor takes it. */
    public Builder add(String id, String address, String vrf, List<InterfaceAttachment> attachments) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(address, "address");
      long plain = PlainIpv4.parse(address);
      long idValue = id.equals(address) ? ID_IS_ADDRESS : decimal(id);
      if (plain < 0) {
        otherAddresses.put(size, address);
      }
      if (idValue == TEXT_ELSEWHERE) {
        otherIds.put(size, id);
      }
      return append(plain < 0 ? TEXT_ELSEWHERE : plain, idValue, vrf, attachments);
    }

    /**
     * Adds an address read as numbers: {@code plain} a {@link PlainIpv4#parse} result (not -1), {@code
     * id} a {@link #decimal} result (not {@link #TEXT_ELSEWHERE}) or {@link #ID_IS_ADDRESS}.
     */
    Builder addPlain(long id, long plain, String vrf, List<InterfaceAttachment> attachments) {
      if (plain < 0 || id == TEXT_ELSEWHERE) {
        throw new IllegalArgumentException("not an address in the compact forms");
      }
      return append(plain, id, vrf, attachments);
    }

    private Builder append(long plain, long id, String vrf, List<InterfaceAttachment> attachments) {
      if (size == addresses.length) {
        int capacity = size * 2;
        addresses = Arrays.copyOf(addresses, capacity);
        ids = Arrays.copyOf(ids, capacity);
        vrfs = Arrays.copyOf(vrfs, capacity);
        interfaces = Arrays.copyOf(interfaces, capacity);
      }
      addresses[size] = plain;
      ids[size] = id;
      vrfs[size] = vrf;
      interfaces[size] = attachments.isEmpty() ? null : List.copyOf(attachments);
      size++;
      return this;
    }

    public AddressList build() {
      return new AddressList(this);
    }

    /** The value of a decimal id that {@link Long#toString} writes back as the same text, else {@link #TEXT_ELSEWHERE}. */
    private static long decimal(String id) {
      return decimal(id.toCharArray(), 0, id.length());
    }

    /** {@link #decimal(String)} of the characters {@code chars[from, to)}. */
    static long decimal(char[] chars, int from, int to) {
      int n = to - from;
      if (n == 0 || n > 18 || (n > 1 && chars[from] == '0')) {
        return TEXT_ELSEWHERE;
      }
      long value = 0;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c < '0' || c > '9') {
          return TEXT_ELSEWHERE;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }
}
