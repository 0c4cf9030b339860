// The GRDB store; see SQLiteRegisterStore.swift.
