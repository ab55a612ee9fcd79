package id.ltsa.relay.intake.personaldata;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Encrypts a column of personal data on its way to PostgreSQL and decrypts it on the way back. */
public abstract class EncryptedColumn implements AttributeConverter<String, String> {

    private final String column;

    EncryptedColumn(String column) {
        this.column = column;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return PersonalDataCipher.current().encrypt(plaintext, column);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return PersonalDataCipher.current().decrypt(stored, column);
    }

    @Converter
    public static class Nik extends EncryptedColumn {
        public Nik() {
            super("nik");
        }
    }

    @Converter
    public static class Phone extends EncryptedColumn {
        public Phone() {
            super("phone");
        }
    }

    @Converter
    public static class Email extends EncryptedColumn {
        public Email() {
            super("email");
        }
    }
}
