package id.lumbung.complaint.domain;

/** How a case reached us. Walk-in and call-centre cases are entered by an operator on the reporter's behalf. */
public enum Channel {
    APP(false),
    WEB(false),
    WHATSAPP(false),
    WALK_IN(true),
    CALL_CENTER(true);

    private final boolean enteredByOperator;

    Channel(boolean enteredByOperator) {
        this.enteredByOperator = enteredByOperator;
    }

    public boolean enteredByOperator() {
        return enteredByOperator;
    }
}
