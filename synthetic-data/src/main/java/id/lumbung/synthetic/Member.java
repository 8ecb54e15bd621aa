package id.lumbung.synthetic;

import java.time.LocalDate;

/** One person on a family card as the extract writes it; the text fields override the typed ones in bad rows. */
final class Member {

    /** The employment facts the registry knows, in its order; {@link #employment} is a bit set over them. */
    static final String[] EMPLOYMENT = { "ASN", "TNI", "POLRI", "PENSIUNAN_ASN", "PENSIUNAN_TNI", "PENSIUNAN_POLRI",
            "PENDAMPING_SOSIAL", "GURU_BERSERTIFIKAT", "PENGHASILAN_APBN_APBD", "PEGAWAI_BUMN", "PERANGKAT_DESA" };

    String nik;
    String fullName;
    boolean female;
    LocalDate birthDate;
    String birthPlace;
    String relationship;
    String maritalStatus;
    String education;
    String occupation;
    String disability;
    int employment;
    String lifeStatus = "ALIVE";
    LocalDate deathDate;

    // bad-row overrides, written instead of the typed value when set
    String sexText;
    String birthDateText;
    String employmentText;
    String lifeStatusText;
    String noKkText;
    /** Written with an unquoted comma in the name, so the row has one field too many. */
    boolean malformed;

    Member copy() {
        var m = new Member();
        m.nik = nik;
        m.fullName = fullName;
        m.female = female;
        m.birthDate = birthDate;
        m.birthPlace = birthPlace;
        m.relationship = relationship;
        m.maritalStatus = maritalStatus;
        m.education = education;
        m.occupation = occupation;
        m.disability = disability;
        m.employment = employment;
        m.lifeStatus = lifeStatus;
        m.deathDate = deathDate;
        m.sexText = sexText;
        m.birthDateText = birthDateText;
        m.employmentText = employmentText;
        m.lifeStatusText = lifeStatusText;
        m.noKkText = noKkText;
        m.malformed = malformed;
        return m;
    }

    String sex() {
        return sexText != null ? sexText : female ? "FEMALE" : "MALE";
    }

    String birth() {
        return birthDateText != null ? birthDateText : birthDate.toString();
    }

    String life() {
        return lifeStatusText != null ? lifeStatusText : lifeStatus;
    }

    boolean alive() {
        return "ALIVE".equals(lifeStatus) && lifeStatusText == null;
    }

    /** Age in whole years on a date. */
    int age(LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }

    /** The employment cell: facts joined by ';' in the registry's order. */
    String employmentCell() {
        if (employmentText != null) {
            return employmentText;
        }
        if (employment == 0) {
            return "";
        }
        var b = new StringBuilder();
        for (int i = 0; i < EMPLOYMENT.length; i++) {
            if ((employment & (1 << i)) != 0) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(EMPLOYMENT[i]);
            }
        }
        return b.toString();
    }
}
