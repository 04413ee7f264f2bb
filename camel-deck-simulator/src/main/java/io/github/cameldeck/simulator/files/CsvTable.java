package io.github.cameldeck.simulator.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A bank-transactions CSV: a header row, then rows of date, description, amount, currency and running balance. The
 * last row's description is lengthened to land on the exact size. Rows are kept away from the end until the rest can
 * hold such a closing row, and the balance stays between about -250 and 5,250, so the closing row always fits.
 */
final class CsvTable {

    static final String HEADER = "date,description,amount,currency,balance\n";

    /** Longest closing row with an empty description: date, amount 0.00, currency, a balance of up to 7 characters. */
    private static final int CLOSING_RESERVE = 32;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final int ROWS_PER_DAY = 40;
    private static final String[] PAYERS = {"Salary ACME CORP", "Transfer from SAVINGS", "Refund ONLINE STORE",
            "Interest"};
    private static final String[] PAYEES = {"Card payment GROCER", "Card payment COFFEE BAR", "Direct debit POWER CO",
            "Card payment BOOKSHOP", "ATM withdrawal", "Direct debit PHONE", "Card payment RAILWAYS"};

    private CsvTable() {
    }

    static long minimumSize() {
        return HEADER.length() + CLOSING_RESERVE;
    }

    static Pieces pieces(long size, SeededBytes random) {
        if (size < minimumSize()) {
            throw new IllegalArgumentException("A CSV needs at least " + minimumSize() + " bytes, not " + size);
        }
        return new Pieces() {
            private final StringBuilder block = new StringBuilder(BLOCK + 256);
            private long left = size;
            private long rows;
            private long balanceCents = 152_033;
            private boolean started;

            @Override
            public ByteBuffer next() {
                if (left == 0) {
                    return null;
                }
                block.setLength(0);
                if (!started) {
                    started = true;
                    block.append(HEADER);
                    left -= HEADER.length();
                }
                while (left > 0 && block.length() < BLOCK) {
                    long amount = nextAmount();
                    String line = row(payee(amount), money(amount), balanceCents + amount);
                    if (line.length() == left || left - line.length() >= CLOSING_RESERVE) {
                        block.append(line);
                        left -= line.length();
                        balanceCents += amount;
                        rows++;
                    } else {
                        block.append(closingRow((int) left));
                        left = 0;
                    }
                }
                return ByteBuffer.wrap(block.toString().getBytes(StandardCharsets.US_ASCII));
            }

            /** A payment or a credit of 1.00 to 250.99, keeping the balance between about -250 and 5,250. */
            private long nextAmount() {
                long amount = 100 + random.nextInt(25_000);
                boolean debit = balanceCents > 500_000 || (balanceCents > 0 && random.nextInt(2) == 0);
                return debit ? -amount : amount;
            }

            private String payee(long amount) {
                String[] names = amount < 0 ? PAYEES : PAYERS;
                return names[random.nextInt(names.length)] + " " + (1000 + random.nextInt(9000));
            }

            /** A zero-amount row whose description pads it to exactly {@code length} characters. */
            private String closingRow(int length) {
                int descriptionLength = length - row("", "0.00", balanceCents).length();
                StringBuilder description = new StringBuilder("Closing adjustment ");
                while (description.length() < descriptionLength) {
                    description.append(random.nextInt(10));
                }
                description.setLength(descriptionLength);
                return row(description.toString(), "0.00", balanceCents);
            }

            private String row(String description, String amount, long balance) {
                LocalDate date = FIRST_DAY.plusDays((rows / ROWS_PER_DAY) % 365);
                return date + "," + description + "," + amount + ",USD," + money(balance) + "\n";
            }
        };
    }

    /** Cents as {@code -12.34}. */
    static String money(long cents) {
        long abs = Math.abs(cents);
        long fraction = abs % 100;
        return (cents < 0 ? "-" : "") + abs / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
