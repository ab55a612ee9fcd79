package id.ltsa.relay.notification.alert;

import id.ltsa.relay.contracts.LinkDiagnosis;

/**
 * What the people alerted should look at first, by the likely cause of the outage: at a district office the office's
 * own internet (and its bill) comes first, because that is what failed in East Lombok.
 */
enum LinkAdvice {
    UPLINK(
            "internet kantor mati",
            "Cek sambungan internet kantor & tagihannya.",
            "Penyebab yang paling mungkin: internet kantor mati (tidak ada layanan di hulu yang menjawab). Mohon periksa"
                    + " sambungan internet kantor dan tagihannya lebih dulu.",
            "Likely cause: the office's own internet is down (nothing upstream answers). Please check the office's"
                    + " internet connection and its bill first."),
    CENTRAL_ERRORS(
            "sistem pusat error",
            "Data aman, dikirim otomatis.",
            "Penyebab yang paling mungkin: sistem pusat sedang bermasalah (menjawab dengan galat). Internet kantor"
                    + " berfungsi; tidak ada yang perlu dilakukan di kantor.",
            "Likely cause: the central system is failing (it answers with errors). The office's internet works;"
                    + " nothing needs doing at the office."),
    CENTRAL_REFUSES(
            "pusat tidak bisa disambung",
            "Cek jalur ke pusat, hubungi pengelola pusat.",
            "Penyebab yang paling mungkin: sistem pusat menolak atau tidak menjawab sambungan. Internet kantor"
                    + " berfungsi; mohon periksa jalur khusus kantor ke pusat (bila ada) dan hubungi pengelola sistem"
                    + " pusat.",
            "Likely cause: the central system refuses or leaves unanswered the connections. The office's internet"
                    + " works; please check the office's dedicated link to the centre (if it has one) and contact the"
                    + " central system's operators."),
    UNKNOWN(
            "jaringan ke pusat putus",
            "Cek internet kantor & tagihannya.",
            "Mohon periksa sambungan internet kantor (termasuk tagihannya) dan jalur khusus ke pusat.",
            "Please check the office's internet connection (including its bill) and the dedicated link to the centre.");

    final String smsCause;
    final String smsAction;
    final String indonesian;
    final String english;

    LinkAdvice(String smsCause, String smsAction, String indonesian, String english) {
        this.smsCause = smsCause;
        this.smsAction = smsAction;
        this.indonesian = indonesian;
        this.english = english;
    }

    static LinkAdvice of(LinkDiagnosis diagnosis) {
        if (diagnosis == null) {
            return UNKNOWN;
        }
        return switch (diagnosis) {
            case UPLINK_DOWN -> UPLINK;
            case CENTRAL_ERRORS -> CENTRAL_ERRORS;
            case CENTRAL_REFUSES -> CENTRAL_REFUSES;
        };
    }
}
